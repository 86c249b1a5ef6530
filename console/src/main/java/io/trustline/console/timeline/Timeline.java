package io.trustline.console.timeline;

import java.util.List;

/**
 * A client's scored timeline: the scores at {@code asOf} and the points in the order they happened.
 *
 * @param truncated true when the client has more points than the console reads for one page (the latest are missing)
 */
public record Timeline(String clientId, String modelId, String asOf, double trust, double loyalty, List<ScorePoint> points,
                       boolean truncated) {
}
