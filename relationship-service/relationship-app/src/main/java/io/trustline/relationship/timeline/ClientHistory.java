package io.trustline.relationship.timeline;

import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.ScoredHistory;
import io.trustline.relationship.scoring.ScoringEngine;
import io.trustline.relationship.scoring.Timeline;
import io.trustline.relationship.scoring.TimelinePoint;
import java.util.Collection;
import java.util.List;

/** One client's events in canonical order and their timeline under one model. Immutable. */
final class ClientHistory {

    private final ScoredHistory scored;

    private ClientHistory(ScoredHistory scored) {
        this.scored = scored;
    }

    static ClientHistory of(Collection<ClientEvent> events, ScoringEngine engine) {
        return new ClientHistory(engine.score(events));
    }

    /** This history with one more event, scored from the engine's last saved state before the event's place. */
    ClientHistory with(ClientEvent event) {
        ScoredHistory next = scored.with(event);
        return next == scored ? this : new ClientHistory(next);
    }

    ScoredHistory scored() {
        return scored;
    }

    /** The events in canonical order. */
    List<ClientEvent> events() {
        return scored.events();
    }

    boolean contains(String eventId) {
        return scored.contains(eventId);
    }

    int eventCount() {
        return scored.eventCount();
    }

    String modelId() {
        return timeline().modelId();
    }

    Timeline timeline() {
        return scored.timeline();
    }

    List<TimelinePoint> points() {
        return timeline().points();
    }

    /** Whether the stored points are this history's: same model, same number of events (events are only added). */
    boolean isReflectedBy(ClientTimelineSummary summary) {
        return summary.modelId().equals(modelId()) && summary.eventCount() == eventCount();
    }

    ClientTimelineSummary summary(String clientId) {
        List<ClientEvent> events = events();
        List<TimelinePoint> points = points();
        Timeline timeline = timeline();
        return new ClientTimelineSummary(clientId, modelId(), events.size(), points.size(), timeline.trust(),
                timeline.loyalty(), points.isEmpty() ? null : ScoredPoint.of(points.get(points.size() - 1)),
                events.isEmpty() ? null : events.get(0).occurredAt(),
                events.isEmpty() ? null : events.get(events.size() - 1).occurredAt());
    }
}
