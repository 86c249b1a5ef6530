package io.trustline.relationship.scoring;

import java.time.Instant;
import java.util.List;

/**
 * A client's trust and loyalty over time under one model: the ordered points, computed from the
 * set of the client's events up to {@code asOf}.
 *
 * @param modelId   the model that produced it, {@code name@version}
 * @param asOf      the last instant the timeline covers (events after it are not on it)
 * @param startTrust   the score before the first point (the model's neutral start)
 * @param startLoyalty the score before the first point
 */
public record Timeline(String modelId, Instant asOf, double startTrust, double startLoyalty,
                       List<TimelinePoint> points) {

    public Timeline {
        points = List.copyOf(points);
    }

    public double trust() {
        return points.isEmpty() ? startTrust : points.get(points.size() - 1).trustAfter();
    }

    public double loyalty() {
        return points.isEmpty() ? startLoyalty : points.get(points.size() - 1).loyaltyAfter();
    }

    /** Trust after every point at or before {@code instant}. */
    public double trustAt(Instant instant) {
        TimelinePoint last = lastAtOrBefore(instant);
        return last == null ? startTrust : last.trustAfter();
    }

    /** The points at or before {@code instant}, as a timeline as of that instant. */
    public Timeline upTo(Instant instant) {
        int end = endIndex(instant);
        return new Timeline(modelId, instant, startTrust, startLoyalty, points.subList(0, end));
    }

    private TimelinePoint lastAtOrBefore(Instant instant) {
        int end = endIndex(instant);
        return end == 0 ? null : points.get(end - 1);
    }

    private int endIndex(Instant instant) {
        int low = 0;
        int high = points.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (points.get(mid).occurredAt().isAfter(instant)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
