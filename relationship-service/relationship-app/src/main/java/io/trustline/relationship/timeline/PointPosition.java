package io.trustline.relationship.timeline;

import io.trustline.relationship.scoring.TimelinePoint;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where a point sits on its timeline, as text that sorts like the timeline: time (fixed width, to the
 * nanosecond), then a clock point before an event at the same instant (the engine ticks before it applies the
 * event), then the event id (the engine's tie-break). A point keeps its position when a late event is inserted
 * before it, so stored points are keyed by it and a page cursor survives late events.
 */
final class PointPosition {

    private static final DateTimeFormatter FIXED_WIDTH =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'").withZone(ZoneOffset.UTC);

    private PointPosition() {
    }

    static String of(TimelinePoint point) {
        return of(point.occurredAt(), point.kind() == TimelinePoint.Kind.CLOCK, point.eventId());
    }

    static String of(ScoredPoint point) {
        return of(point.event().occurredAt(), point.kind() == TimelinePoint.Kind.CLOCK, point.event().id());
    }

    private static String of(Instant at, boolean clock, String eventId) {
        return FIXED_WIDTH.format(at) + (clock ? "|0|" : "|1|") + eventId;
    }
}
