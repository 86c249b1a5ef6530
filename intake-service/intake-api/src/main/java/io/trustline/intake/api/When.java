package io.trustline.intake.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * By when an issue must be resolved, and why: the WHEN of an {@link Expectation}.
 *
 * @param resolveBy the instant by which the client needs the issue resolved. Required. Since v1.
 * @param reason    why by then, in the client's words (for example "payroll is due tomorrow"). Optional: null
 *                  when the client gave no reason. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record When(Instant resolveBy, String reason) {

    public When {
        Objects.requireNonNull(resolveBy, "resolveBy");
    }
}
