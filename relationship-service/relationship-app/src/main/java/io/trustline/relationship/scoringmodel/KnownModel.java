package io.trustline.relationship.scoringmodel;

import io.trustline.relationship.scoring.model.ScoringModel;
import java.time.Instant;

/**
 * A model a tenant may use.
 *
 * @param storedAt when the tenant stored it; null for the built-in and the configured model
 * @param active   whether it scores the tenant's clients now
 */
public record KnownModel(ScoringModel model, Source source, Instant storedAt, boolean active) {

    /** Where a model comes from. */
    public enum Source { BUILT_IN, CONFIGURED, STORED }
}
