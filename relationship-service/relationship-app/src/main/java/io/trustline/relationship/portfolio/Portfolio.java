package io.trustline.relationship.portfolio;

import io.trustline.relationship.scoring.ClientEvent;
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
        entries.save(scored.tenantId(), assess(scored.tenantId(), scored.clientId(), scored.events()));
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
                PortfolioEntry fresh = assess(entry.tenantId(), entry.clientId(),
                        events.all(entry.tenantId(), entry.clientId()));
                entries.replaceIfUnchanged(entry.tenantId(), fresh, entry.eventCount());
            }
        }
        return stale.size();
    }

    PortfolioEntries.Page page(String tenantId, ChurnRisk.Level risk, PortfolioSort sort, PortfolioCursor after, int limit) {
        return entries.page(tenantId, risk, sort, after, limit);
    }

    private PortfolioEntry assess(String tenantId, String clientId, List<ClientEvent> history) {
        // an event may be dated a little ahead of our clock; the assessment still counts it
        Instant latest = history.stream().map(ClientEvent::occurredAt).max(Instant::compareTo).orElse(Instant.MIN);
        Instant now = clock.instant();
        return PortfolioEntry.assess(clientId, models.of(tenantId), history, latest.isAfter(now) ? latest : now);
    }
}
