package io.trustline.relationship.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Objects;

/**
 * One reason a client may leave, with the points of the timeline behind it.
 *
 * @param kind     what was found: {@code MEETING_OVERDUE}, {@code TRUST_DROP}, {@code REPEATED_MISSES},
 *                 {@code CLIENT_CHASING}, {@code LOW_LOYALTY} or {@code STUCK_RELATIONSHIP}. Text, not a closed
 *                 set: a later model may find other kinds, which a consumer should show by their sentence.
 *                 Required. Since v1.
 * @param sentence the cause in words. Required. Since v1.
 * @param eventIds the points behind the cause: event ids, or {@code clock:<instant>} for clock ticks; empty when
 *                 the cause is an absence (no meeting on record). Required. Since v1.
 * @since v1
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChurnRiskCause(String kind, String sentence, List<String> eventIds) {

    public ChurnRiskCause {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sentence, "sentence");
        eventIds = List.copyOf(Objects.requireNonNull(eventIds, "eventIds"));
    }
}
