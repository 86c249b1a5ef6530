package io.trustline.relationship.timeline;

import io.trustline.relationship.scoring.Change;
import io.trustline.relationship.scoring.TimelinePoint;
import java.time.Instant;
import java.util.List;

/**
 * One point of a client's scored timeline, as the API shows it and the store keeps it: the event that moved the
 * scores (or the clock, when time alone did), trust and loyalty before and after, and every change with the rule
 * of the model that fired and its reason.
 *
 * @param kind     {@code EVENT}, or {@code CLOCK} for a weekly tick that moved a score
 * @param sentence every change in words, or why nothing moved
 */
public record ScoredPoint(TimelinePoint.Kind kind, PointEvent event, Scores trust, Scores loyalty,
                          List<ExplainedChange> changes, String sentence) {

    /**
     * @param type       the catalog name, e.g. {@code ActionPlanIssued}; {@code ClockTick} for the clock
     * @param id         the CloudEvent id; {@code clock:<instant>} for the clock
     * @param occurredAt when it happened
     * @param issueId    the issue it belongs to, or null
     */
    public record PointEvent(String type, String id, Instant occurredAt, String issueId) {
    }

    /** A score (0–100) before and after the point. */
    public record Scores(double before, double after) {
    }

    /**
     * @param delta    what the change did to the score, after holding it within the scale
     * @param rule     the model's rule id, e.g. {@code 001.action-plan-in-target}
     * @param sentence e.g. {@code +3 trust: action plan issued 40 min after the report; ...}
     */
    public record ExplainedChange(Change.Dimension dimension, double delta, String rule, String sentence) {
    }

    public ScoredPoint {
        changes = List.copyOf(changes);
    }

    static ScoredPoint of(TimelinePoint point) {
        return new ScoredPoint(point.kind(),
                new PointEvent(point.eventType(), point.eventId(), point.occurredAt(), point.issueId()),
                new Scores(point.trustBefore(), point.trustAfter()),
                new Scores(point.loyaltyBefore(), point.loyaltyAfter()),
                point.changes().stream()
                        .map(change -> new ExplainedChange(change.dimension(), change.delta(), change.rule(), change.sentence()))
                        .toList(),
                point.sentence());
    }
}
