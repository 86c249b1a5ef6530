package io.trustline.intake.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * Who is affected by an issue: the WHO of an {@link Expectation}.
 *
 * @param scope         how far the issue reaches, from one person to everyone. Required. Since v1.
 * @param affectedCount how many people are affected, a head count of at least 1. Optional: null when the
 *                      client did not say. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Who(Scope scope, Integer affectedCount) {

    public Who {
        Objects.requireNonNull(scope, "scope");
        if (affectedCount != null && affectedCount < 1) {
            throw new IllegalArgumentException("affectedCount must be at least 1, was " + affectedCount);
        }
    }
}
