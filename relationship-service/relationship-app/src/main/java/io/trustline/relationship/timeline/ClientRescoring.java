package io.trustline.relationship.timeline;

import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.ScoringEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * Scores a tenant's clients under a model other than the one the live projection uses, for a model switch. It
 * writes only that model's points (points are kept per model id, so the live ones are untouched) and leaves the
 * summary — which names the model the stored points are served for — to the projection, except for one
 * compare-and-set when the switch hands the client over ({@link #handOver}).
 */
@ApplicationScoped
public class ClientRescoring {

    @Inject
    ClientEvents events;
    @Inject
    ScoredTimelines timelines;

    /** The tenant's clients that have events, sorted by id. */
    public List<String> clientIds(String tenantId) {
        return events.clientIds(tenantId);
    }

    public long eventCount(String tenantId, String clientId) {
        return events.count(tenantId, clientId);
    }

    /** The client's events that occurred up to {@code asOf} (and a few just after it: the engine cuts exactly). */
    public List<ClientEvent> history(String tenantId, String clientId, Instant asOf) {
        return events.upTo(tenantId, clientId, asOf);
    }

    /** Brings the client's stored points under the engine's model up to its stored events; returns how many. */
    public int rescore(String tenantId, String clientId, ScoringEngine engine) {
        ClientHistory history = ClientHistory.of(events.all(tenantId, clientId), engine);
        String modelId = history.modelId();
        List<ScoredPoint> points = history.points().stream().map(ScoredPoint::of).toList();
        timelines.write(tenantId, clientId, modelId,
                TimelineDiff.between(timelines.all(tenantId, clientId, modelId), points, PointPosition::of));
        return history.eventCount();
    }

    /**
     * Points the client's summary at the engine's model, so its stored points are served, if the summary still
     * reflects exactly the {@code eventCount} events {@link #rescore} scored, under {@code fromModelId}. Otherwise
     * the projection scored an event since: the timeline is then computed from the events until the client's next
     * event, which repairs the points against the stored events.
     */
    public boolean handOver(String tenantId, String clientId, ScoringEngine engine, String fromModelId, int eventCount) {
        ClientHistory history = ClientHistory.of(events.all(tenantId, clientId), engine);
        return history.eventCount() == eventCount
                && timelines.replaceIf(tenantId, fromModelId, eventCount, history.summary(clientId));
    }
}
