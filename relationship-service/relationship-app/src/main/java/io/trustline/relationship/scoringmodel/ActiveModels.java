package io.trustline.relationship.scoringmodel;

import io.trustline.relationship.scoring.ScoringEngine;
import java.util.Optional;
import java.util.SortedSet;

/** Which model scores a tenant's clients, and which models a what-if of that tenant may name. */
public interface ActiveModels {

    /** The engine of the model that scores the tenant's clients now. */
    ScoringEngine of(String tenantId);

    /** The engine of a model the tenant knows (built-in, configured or stored by the tenant), by its id. */
    Optional<ScoringEngine> byId(String tenantId, String modelId);

    /** The ids of every model the tenant knows. */
    SortedSet<String> knownIds(String tenantId);
}
