package io.trustline.relationship.portfolio;

import io.trustline.platform.problem.UnknownResourceException;
import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.ScoringEngine;
import io.trustline.relationship.scoring.Timeline;
import io.trustline.relationship.scoring.churn.ChurnRisk;
import io.trustline.relationship.scoringmodel.ActiveModels;
import io.trustline.relationship.timeline.ClientEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** A client's churn risk at any instant, computed from its stored events under the tenant's active model. */
@ApplicationScoped
class ChurnRiskQueries {

    private final Clock clock = Clock.systemUTC();

    @Inject
    ClientEvents events;
    @Inject
    ActiveModels models;

    /** As of {@code asOf}, or now when null; a 404 for a client of which no event is stored (for this tenant). */
    ClientChurnRisk churnRisk(String tenantId, String clientId, Instant asOf) {
        Instant at = asOf == null ? clock.instant() : asOf;
        List<ClientEvent> history = events.upTo(tenantId, clientId, at);
        if (history.isEmpty() && !events.any(tenantId, clientId)) {
            throw new UnknownResourceException("client", clientId);
        }
        ScoringEngine engine = models.of(tenantId);
        Timeline timeline = engine.timelineAsOf(history, at);
        ChurnRisk risk = engine.churnRisk(timeline, at);
        return new ClientChurnRisk(clientId, timeline.modelId(), at, risk.level(), timeline.trust(),
                timeline.loyalty(), RiskCause.of(risk.causes(), timeline));
    }
}
