package io.trustline.intake.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One part of an {@link Expectation} as it was and as it is after an {@link ExpectationRevised}; the two differ.
 *
 * @param before the part as it was agreed until the revision. Required. Since v1.
 * @param after  the part as agreed from the revision on. Required. Since v1.
 * @param <T>    the part: {@link Who}, {@link What}, {@link When}, {@link Where} or {@link How}
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Revised<T>(T before, T after) {

    public Revised {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (before.equals(after)) {
            throw new IllegalArgumentException("a revised part must change, was " + before + " before and after");
        }
    }
}
