package io.trustline.relationship.timeline;

import io.trustline.relationship.scoring.ScoredHistory;
import io.trustline.relationship.scoringmodel.ActiveModels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * A client's scored history under the tenant's active model, when this instance holds it in memory and the stored
 * summary vouches for it (another instance may have scored the client since): a query as of now then costs the
 * clock ticks since the client's latest event instead of reading and replaying its whole history.
 */
@ApplicationScoped
public class CurrentHistories {

    @Inject
    ClientHistories cache;
    @Inject
    ScoredTimelines timelines;
    @Inject
    ActiveModels models;

    public Optional<ScoredHistory> current(String tenantId, String clientId) {
        ClientHistory cached = cache.get(tenantId, clientId);
        if (cached == null || !cached.modelId().equals(models.of(tenantId).model().id())) {
            return Optional.empty();
        }
        return timelines.summary(tenantId, clientId).filter(cached::isReflectedBy).map(summary -> cached.scored());
    }
}
