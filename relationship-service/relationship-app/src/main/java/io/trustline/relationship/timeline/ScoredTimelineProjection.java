package io.trustline.relationship.timeline;

import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.ScoringEngine;
import io.trustline.relationship.scoring.TimelinePoint;
import io.trustline.relationship.scoringmodel.ActiveModels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Keeps each client's scored timeline in step with its events. Per event: the client's history (from the cache
 * when the stored summary vouches for it, else read back from {@link ClientEvents}) gains the event and is rescored
 * by the tenant's active model; then the event is stored, the points that changed are written — none before the
 * event's place — and last the summary, which records how many events the points reflect.
 *
 * <p>Those writes are not atomic. A crash (or an outage) between them leaves the summary behind the stored events;
 * the event is then delivered again, because the platform records it as applied only after this returns, and the
 * summary no longer vouches for what is cached or stored: the client is read back, rescored and its stored points
 * are compared with the new ones, so the timeline ends exactly as if nothing had happened. A client's very first
 * write is a summary of no events, so a client without a summary has nothing stored and its first event costs no
 * read at all ({@link UnsummarisedClients} gives clients stored before that rule their summary). Everything that can
 * fail on the event's own content (translation, scoring, serialising) happens before the first write, so an event
 * is never stored and then dead-lettered. One consumer thread scores a client (its events share a partition).
 */
@ApplicationScoped
public class ScoredTimelineProjection {

    @Inject
    ClientEvents events;
    @Inject
    ScoredTimelines timelines;
    @Inject
    ClientHistories cache;
    @Inject
    ActiveModels models;
    @Inject
    Event<ClientScored> scored;

    public void apply(String tenantId, String clientId, ClientEvent event) {
        apply(tenantId, clientId, event, scored -> {
        });
    }

    /**
     * As {@link #apply(String, String, ClientEvent)}, showing {@code beforeWrites} the timeline without and with
     * the event before the first write, so that what it publishes is retried with the event if it fails. The live
     * consumer publishes the derived events there; a re-scoring must not pass it.
     */
    public void apply(String tenantId, String clientId, ClientEvent event, Consumer<ScoredEvent> beforeWrites) {
        ScoringEngine engine = models.of(tenantId);
        Optional<ClientTimelineSummary> summary = timelines.summary(tenantId, clientId);
        if (summary.isEmpty()) {
            // nothing of the client is stored, because its first write, here, is a summary of no events
            cache.forget(tenantId, clientId);
            ClientHistory none = ClientHistory.of(List.of(), engine);
            ClientHistory next = none.with(event);
            beforeWrites.accept(new ScoredEvent(tenantId, clientId, event, engine, none.timeline(), next.timeline()));
            timelines.save(tenantId, none.summary(clientId));
            record(tenantId, clientId, event, next, TimelineDiff.between(List.of(),
                    next.points().stream().map(ScoredPoint::of).toList(), PointPosition::of));
            return;
        }
        ClientHistory before = cache.get(tenantId, clientId);
        if (before == null || !vouchedFor(before, summary, engine)) {
            cache.forget(tenantId, clientId);
            before = ClientHistory.of(events.all(tenantId, clientId), engine);
            if (!vouchedFor(before, summary, engine)) {
                ClientHistory next = before.with(event);
                beforeWrites.accept(new ScoredEvent(tenantId, clientId, event, engine, before.timeline(), next.timeline()));
                repair(tenantId, clientId, event, next);
                return;
            }
        }
        if (before.contains(event.eventId())) {
            // redelivered after it was scored completely (a crash before the offset commit)
            cache.put(tenantId, clientId, before);
            return;
        }
        ClientHistory next = before.with(event);
        beforeWrites.accept(new ScoredEvent(tenantId, clientId, event, engine, before.timeline(), next.timeline()));
        TimelineDiff<TimelinePoint> diff = TimelineDiff.between(before.points(), next.points(), PointPosition::of);
        record(tenantId, clientId, event, next, new TimelineDiff<>(diff.firstChange(),
                diff.upserts().stream().map(ScoredPoint::of).toList(), diff.deleted()));
    }

    /** The stored points may lag the stored events: compare them with the recomputed ones, point by point. */
    private void repair(String tenantId, String clientId, ClientEvent event, ClientHistory next) {
        List<ScoredPoint> stored = timelines.all(tenantId, clientId, next.modelId());
        List<ScoredPoint> points = next.points().stream().map(ScoredPoint::of).toList();
        record(tenantId, clientId, event, next, TimelineDiff.between(stored, points, PointPosition::of));
    }

    private void record(String tenantId, String clientId, ClientEvent event, ClientHistory next,
                        TimelineDiff<ScoredPoint> diff) {
        ClientTimelineSummary summary = next.summary(clientId);
        events.add(tenantId, clientId, event);
        timelines.write(tenantId, clientId, next.modelId(), diff);
        timelines.save(tenantId, summary);
        cache.put(tenantId, clientId, next);
        scored.fire(new ClientScored(tenantId, clientId, next.scored()));
    }

    /** The summary says the stored points are exactly this history's, under the tenant's active model. */
    private static boolean vouchedFor(ClientHistory history, Optional<ClientTimelineSummary> summary,
                                      ScoringEngine engine) {
        return history.modelId().equals(engine.model().id()) && summary.filter(history::isReflectedBy).isPresent();
    }
}
