package io.trustline.relationship.scoring;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A moment on a client's timeline: an event, or the clock when time alone moved a score (a
 * meeting falling overdue). Scores before and after, and every change with its reason.
 *
 * @param event        the event behind the point, or null for a clock point: what rules and churn
 *                     causes match on, by its type
 * @param eventType    the event's catalog name as a person reads it, or {@value #CLOCK_TYPE}
 * @param eventId      the event's id; for a clock point {@code clock:<instant>}
 * @param issueId      the issue the event belongs to, or null
 * @param meetingDueAt when the next review meeting is due as of this point (for churn risk)
 */
public record TimelinePoint(
        Kind kind,
        ClientEvent event,
        String eventType,
        String eventId,
        Instant occurredAt,
        String issueId,
        double trustBefore,
        double trustAfter,
        double loyaltyBefore,
        double loyaltyAfter,
        List<Change> changes,
        Instant meetingDueAt) {

    /** The type a clock point carries. */
    public static final String CLOCK_TYPE = "ClockTick";

    public enum Kind { EVENT, CLOCK }

    public TimelinePoint {
        changes = List.copyOf(changes);
    }

    public double trustDelta() {
        return trustAfter - trustBefore;
    }

    public double loyaltyDelta() {
        return loyaltyAfter - loyaltyBefore;
    }

    /** What a person reads next to the point: every change, or that nothing moved. */
    public String sentence() {
        if (changes.isEmpty()) {
            return "no change: " + Wording.eventName(eventType) + " (no rule of the model applies)";
        }
        return changes.stream().map(Change::sentence).collect(Collectors.joining("; and "));
    }
}
