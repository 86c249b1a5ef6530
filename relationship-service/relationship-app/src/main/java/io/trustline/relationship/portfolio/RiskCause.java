package io.trustline.relationship.portfolio;

import io.trustline.relationship.scoring.Timeline;
import io.trustline.relationship.scoring.TimelinePoint;
import io.trustline.relationship.scoring.churn.ChurnCause;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One reason a client may leave.
 *
 * @param kind     the cause, e.g. {@code MEETING_OVERDUE}
 * @param sentence the cause in words, with its numbers
 * @param events   the points behind it, oldest first (none for an overdue meeting with no meeting on record)
 */
public record RiskCause(ChurnCause.Kind kind, String sentence, List<CauseEvent> events) {

    static List<RiskCause> of(List<ChurnCause> causes, Timeline timeline) {
        Map<String, TimelinePoint> points = timeline.points().stream()
                .collect(Collectors.toMap(TimelinePoint::eventId, Function.identity(), (first, second) -> first));
        return causes.stream().map(cause -> new RiskCause(cause.kind(), cause.sentence(), cause.eventIds().stream()
                .map(points::get)
                .map(point -> new CauseEvent(point.eventId(), point.eventType(), point.occurredAt()))
                .toList())).toList();
    }
}
