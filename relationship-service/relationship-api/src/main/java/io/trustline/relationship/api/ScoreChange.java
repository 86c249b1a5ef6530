package io.trustline.relationship.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Objects;

/**
 * One rule of the scoring model that moved a score, as the client's timeline explains it.
 *
 * @param rule     the model's rule id, e.g. {@code 001.action-plan-in-target}. Required. Since v1.
 * @param delta    what the rule did to the score, in points on the 0–100 scale, after holding the score within
 *                 the scale (so 0 when the score was already at the end of the scale). Required. Since v1.
 * @param sentence the change in words, e.g. {@code +3 trust: action plan issued 37 min after the report; ...}.
 *                 Required. Since v1.
 * @param eventId  the point of the timeline where the rule fired: the id of the event, or {@code clock:<instant>}
 *                 for a weekly clock tick (time alone moved the score). Required. Since v1.
 * @since v1
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScoreChange(String rule, Double delta, String sentence, String eventId) {

    public ScoreChange {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(delta, "delta");
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(eventId, "eventId");
    }
}
