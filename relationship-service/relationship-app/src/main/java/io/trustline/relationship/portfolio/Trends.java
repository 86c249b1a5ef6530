package io.trustline.relationship.portfolio;

import io.trustline.relationship.scoring.Timeline;
import io.trustline.relationship.scoring.TimelinePoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** How trust and loyalty moved over a window that ends at the timeline's {@code asOf}. */
record Trends(double trust, double loyalty) {

    static final Duration WINDOW = Duration.ofDays(30);

    /** Score at the end minus the score at the window's start (the model's start before the first point). */
    static Trends over(Timeline timeline, Duration window) {
        Instant start = timeline.asOf().minus(window);
        List<TimelinePoint> points = timeline.points();
        double trustThen = timeline.startTrust();
        double loyaltyThen = timeline.startLoyalty();
        for (TimelinePoint point : points) {
            if (point.occurredAt().isAfter(start)) {
                break;
            }
            trustThen = point.trustAfter();
            loyaltyThen = point.loyaltyAfter();
        }
        return new Trends(timeline.trust() - trustThen, timeline.loyalty() - loyaltyThen);
    }
}
