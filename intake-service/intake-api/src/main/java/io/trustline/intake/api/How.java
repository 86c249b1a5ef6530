package io.trustline.intake.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * How the client will consider an issue resolved: the HOW of an {@link Expectation}.
 *
 * @param resolvedWhen     what "resolved" means, in the client's own words (for example "payroll runs and the
 *                         bank accepts the file"). Required. Since v1.
 * @param acceptanceChecks concrete checks the client will make before agreeing it is resolved, in the order
 *                         given; unmodifiable. Optional: an empty list (never null) when there are none, also
 *                         when the JSON field is absent. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record How(String resolvedWhen, List<String> acceptanceChecks) {

    public How {
        Objects.requireNonNull(resolvedWhen, "resolvedWhen");
        acceptanceChecks = acceptanceChecks == null ? List.of() : List.copyOf(acceptanceChecks);
    }
}
