package io.trustline.relationship.timeline;

import java.util.Comparator;
import java.util.List;

/** A client's relationship events in the order they happened (then by event id, which is time-ordered). */
public record ClientTimeline(String clientId, List<TimelineEntry> entries) {

    static final Comparator<TimelineEntry> OCCURRENCE_ORDER =
            Comparator.comparing(TimelineEntry::occurredAt).thenComparing(TimelineEntry::eventId);

    public ClientTimeline {
        entries = entries.stream().sorted(OCCURRENCE_ORDER).toList();
    }
}
