package io.trustline.relationship.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount of money in one currency; the value of a {@link ContractRenewed}.
 *
 * @param amount   the amount, a JSON number greater than zero with no more decimals than the currency has minor
 *                 units (none for JPY, two for EUR, three for BHD), written with the scale it was given. Required.
 *                 Since v1.
 * @param currency the ISO 4217 alphabetic code of the currency, three upper-case letters such as {@code EUR}.
 *                 Required. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("amount must be greater than zero, was " + amount);
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code of three upper-case letters, was "
                    + currency);
        }
    }
}
