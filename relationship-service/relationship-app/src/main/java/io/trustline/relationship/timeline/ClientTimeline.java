package io.trustline.relationship.timeline;

import java.time.Instant;
import java.util.List;

/**
 * One page of a client's scored timeline.
 *
 * @param modelId    the model that scored it, {@code name@version}
 * @param asOf       the instant the timeline reaches: the one asked for, else the client's latest event
 * @param trust      trust at {@code asOf} (the end of the timeline, not of this page)
 * @param loyalty    loyalty at {@code asOf}
 * @param points     the points of this page, in the order they happened
 * @param nextCursor continues after this page; null on the last page
 */
public record ClientTimeline(String clientId, String modelId, Instant asOf, double trust, double loyalty,
                             List<ScoredPoint> points, String nextCursor) {
}
