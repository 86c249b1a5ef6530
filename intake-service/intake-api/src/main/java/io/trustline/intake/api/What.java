package io.trustline.intake.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What an issue impacts and what it costs the client: the WHAT of an {@link Expectation}.
 *
 * @param impact      how badly the affected work is hit. Required. Since v1.
 * @param costPerHour what the issue costs the client per hour while it lasts, as the client estimates it, in
 *                    the client's currency (not carried here); a JSON number, zero or more. Optional: null when
 *                    the client gave no estimate. Since v1.
 * @param description what the issue stops or slows down, in the client's words. Optional: null when not given.
 *                    Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record What(Impact impact, BigDecimal costPerHour, String description) {

    public What {
        Objects.requireNonNull(impact, "impact");
        if (costPerHour != null && costPerHour.signum() < 0) {
            throw new IllegalArgumentException("costPerHour must not be negative, was " + costPerHour);
        }
    }
}
