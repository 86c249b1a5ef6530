package io.trustline.relationship.scoringmodel;

import io.trustline.relationship.scoring.model.ScoringModel;
import java.time.Instant;

/** A model a tenant stored, as it was stored: a stored {@code name@version} never changes. */
public record StoredModel(ScoringModel model, Instant storedAt) {
}
