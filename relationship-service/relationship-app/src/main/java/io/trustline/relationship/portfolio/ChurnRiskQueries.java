package io.trustline.relationship.portfolio;

import io.trustline.platform.problem.UnknownResourceException;
import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.ScoredHistory;
import io.trustline.relationship.scoring.ScoringEngine;
import io.trustline.relationship.scoring.Timeline;
import io.trustline.relationship.scoring.churn.ChurnRisk;
import io.trustline.relationship.scoringmodel.ActiveModels;
import io.trustline.relationship.timeline.ClientEvents;
import io.trustline.relationship.timeline.CurrentHistories;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A client's churn risk at any instant under the tenant's active model: from the scored history in memory when this
 * instance has it and the instant is not before the client's latest event, else computed from the stored events.
 */
@ApplicationScoped
class ChurnRiskQueries {

    private final Clock clock = Clock.systemUTC();

    @Inject
    ClientEvents events;
    @Inject
    ActiveModels models;
    @Inject
    CurrentHistories histories;

    /** As of {@code asOf}, or now when null; a 404 for a client of which no event is stored (for this tenant). */
    ClientChurnRisk churnRisk(String tenantId, String clientId, Instant asOf) {
        Instant at = asOf == null ? clock.instant() : asOf;
        Optional<ScoredHistory> current = histories.current(tenantId, clientId)
                .filter(history -> history.eventCount() > 0 && !at.isBefore(history.timeline().asOf()));
        ScoringEngine engine = current.map(ScoredHistory::engine).orElseGet(() -> models.of(tenantId));
        Timeline timeline = current.isPresent() ? current.get().timelineAsOf(at) : replayed(tenantId, clientId, engine, at);
        ChurnRisk risk = engine.churnRisk(timeline, at);
        return new ClientChurnRisk(clientId, timeline.modelId(), at, risk.level(), timeline.trust(),
                timeline.loyalty(), RiskCause.of(risk.causes(), timeline));
    }

    private Timeline replayed(String tenantId, String clientId, ScoringEngine engine, Instant at) {
        List<ClientEvent> history = events.upTo(tenantId, clientId, at);
        if (history.isEmpty() && !events.any(tenantId, clientId)) {
            throw new UnknownResourceException("client", clientId);
        }
        return engine.timelineAsOf(history, at);
    }
}
