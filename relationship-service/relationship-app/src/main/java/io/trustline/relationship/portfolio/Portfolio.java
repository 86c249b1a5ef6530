package io.trustline.relationship.portfolio;

import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.ScoredHistory;
import io.trustline.relationship.scoring.churn.ChurnRisk;
import io.trustline.relationship.scoringmodel.ActiveModels;
import io.trustline.relationship.timeline.ClientEvents;
import io.trustline.relationship.timeline.ClientScored;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the portfolio current: each client is assessed as of now when an event of its is scored, and again once
 * its assessment is older than {@code trustline.portfolio.reassess-after}, because time alone moves loyalty and
 * risk (seed 002: a client who hears nothing drifts away without a single new event).
 */
@ApplicationScoped
class Portfolio {

    private final Clock clock = Clock.systemUTC();

    @Inject
    PortfolioEntries entries;
    @Inject
    ClientEvents events;
    @Inject
    ActiveModels models;
    @ConfigProperty(name = "trustline.portfolio.reassess-after", defaultValue = "PT1H")
    Duration reassessAfter;

    void onScored(@Observes ClientScored scored) {
        entries.save(scored.tenantId(), assess(scored.clientId(), scored.history()));
    }

    /**
     * Re-assesses up to {@code batch} clients whose assessment is older than the threshold, and says how many it
     * found. Safe with several instances: each client is claimed by one, and an assessment that a newer event
     * overtook (its count of events changed) is dropped.
     */
    int reassessStale(int batch) {
        Instant now = clock.instant();
        List<PortfolioEntries.Stale> stale = entries.assessedBefore(now.minus(reassessAfter), batch);
        for (PortfolioEntries.Stale entry : stale) {
            if (entries.claim(entry, now)) {
                PortfolioEntry fresh = assess(entry.clientId(),
                        models.of(entry.tenantId()).score(events.all(entry.tenantId(), entry.clientId())));
                entries.replaceIfUnchanged(entry.tenantId(), fresh, entry.eventCount());
            }
        }
        return stale.size();
    }

    PortfolioEntries.Page page(String tenantId, ChurnRisk.Level risk, PortfolioSort sort, PortfolioCursor after, int limit) {
        return entries.page(tenantId, risk, sort, after, limit);
    }

    private PortfolioEntry assess(String clientId, ScoredHistory history) {
        // an event may be dated a little ahead of our clock; the assessment still counts it
        List<ClientEvent> events = history.events();
        Instant now = clock.instant();
        Instant latest = events.isEmpty() ? now : events.get(events.size() - 1).occurredAt();
        return PortfolioEntry.assess(clientId, history, latest.isAfter(now) ? latest : now);
    }
}
