package io.trustline.relationship.timeline;

import java.time.Instant;

/**
 * A client's scored timeline in brief, and what its stored points reflect: {@code eventCount} of the client's
 * stored events under {@code modelId}. Written after the points, so a count below the stored events' says the
 * points may lag them (a crash between the two writes) and must be recomputed before they are trusted. A summary of
 * no events ({@code eventCount} 0) is the first thing written for a new client, so a client without a summary has
 * nothing stored.
 *
 * @param latestPoint the last point of the timeline, or null when it has none
 */
public record ClientTimelineSummary(String clientId, String modelId, int eventCount, int pointCount, double trust,
                                    double loyalty, ScoredPoint latestPoint, Instant firstEventAt, Instant lastEventAt) {
}
