package io.trustline.relationship.timeline;

import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.ScoringEngine;
import io.trustline.relationship.scoring.Timeline;
import io.trustline.relationship.scoring.TimelinePoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One client's events in canonical order and their timeline under one model. Immutable. */
final class ClientHistory {

    private final List<ClientEvent> events;
    private final Set<String> eventIds;
    private final Timeline timeline;

    private ClientHistory(List<ClientEvent> events, Set<String> eventIds, Timeline timeline) {
        this.events = events;
        this.eventIds = eventIds;
        this.timeline = timeline;
    }

    static ClientHistory of(Collection<ClientEvent> events, ScoringEngine engine) {
        List<ClientEvent> history = ScoringEngine.canonicalHistory(events, Instant.MAX);
        Set<String> ids = new HashSet<>(history.size() * 2);
        history.forEach(event -> ids.add(event.eventId()));
        return new ClientHistory(Collections.unmodifiableList(history), ids, engine.timeline(history));
    }

    /** This history with one more event, rescored from the start (the engine has no snapshot to resume from). */
    ClientHistory with(ClientEvent event, ScoringEngine engine) {
        if (eventIds.contains(event.eventId())) {
            return this;
        }
        int at = Collections.binarySearch(events, event, ScoringEngine.CANONICAL_ORDER);
        List<ClientEvent> more = new ArrayList<>(events.size() + 1);
        more.addAll(events);
        more.add(at < 0 ? -at - 1 : at, event);
        Set<String> ids = new HashSet<>(eventIds);
        ids.add(event.eventId());
        return new ClientHistory(Collections.unmodifiableList(more), ids, engine.timeline(more));
    }

    /** The events in canonical order. */
    List<ClientEvent> events() {
        return events;
    }

    boolean contains(String eventId) {
        return eventIds.contains(eventId);
    }

    int eventCount() {
        return events.size();
    }

    String modelId() {
        return timeline.modelId();
    }

    Timeline timeline() {
        return timeline;
    }

    List<TimelinePoint> points() {
        return timeline.points();
    }

    /** Whether the stored points are this history's: same model, same number of events (events are only added). */
    boolean isReflectedBy(ClientTimelineSummary summary) {
        return summary.modelId().equals(modelId()) && summary.eventCount() == eventCount();
    }

    ClientTimelineSummary summary(String clientId) {
        List<TimelinePoint> points = timeline.points();
        return new ClientTimelineSummary(clientId, modelId(), events.size(), points.size(), timeline.trust(),
                timeline.loyalty(), points.isEmpty() ? null : ScoredPoint.of(points.get(points.size() - 1)),
                events.isEmpty() ? null : events.get(0).occurredAt(),
                events.isEmpty() ? null : events.get(events.size() - 1).occurredAt());
    }
}
