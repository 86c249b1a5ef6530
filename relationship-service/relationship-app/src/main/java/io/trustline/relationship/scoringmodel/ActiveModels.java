package io.trustline.relationship.scoringmodel;

import io.trustline.relationship.scoring.ScoringEngine;
import java.util.Optional;
import java.util.SortedSet;

/** Which model scores a tenant's clients, and which models a what-if may name. */
public interface ActiveModels {

    /** The engine of the model that scores the tenant's clients now. */
    ScoringEngine of(String tenantId);

    /** The engine of a known model, by its id ({@code name@version}). */
    Optional<ScoringEngine> byId(String modelId);

    SortedSet<String> knownIds();
}
