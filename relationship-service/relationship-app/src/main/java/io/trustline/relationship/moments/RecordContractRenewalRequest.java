package io.trustline.relationship.moments;

import io.trustline.platform.problem.InvalidFieldException;
import io.trustline.relationship.api.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /clients/{clientId}/renewals}: how many months the renewed contract runs and, optionally, what it
 * is worth over that term; {@code occurredAt} only for a renewal recorded after the fact.
 */
@Schema(example = """
        {"termMonths": 24, "value": {"amount": 86400.00, "currency": "EUR"}}""")
public record RecordContractRenewalRequest(
        @NotNull @Min(1) @Max(120) Integer termMonths,
        @Valid ValueRequest value,
        @Schema(description = "when it happened, only for a moment recorded after the fact: never in the future. Default: now") Instant occurredAt) {

    /** An amount in an ISO 4217 currency, with no more decimals than the currency has minor units. */
    public record ValueRequest(
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("999999999999") @Digits(integer = 12, fraction = 3)
            @Schema(description = "Greater than zero, with no more decimals than the currency has minor units "
                    + "(none for JPY, two for EUR, three for BHD).")
            BigDecimal amount,
            @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as EUR")
            @Schema(description = "An ISO 4217 currency code with minor units, such as EUR, USD or JPY.")
            String currency) {

        /**
         * @throws InvalidFieldException for a code that is no ISO 4217 currency (or one without minor units, such
         *         as XAU), or an amount with more decimals than the currency has
         */
        Money toMoney() {
            Currency known = Currency.getAvailableCurrencies().stream()
                    .filter(c -> c.getCurrencyCode().equals(currency) && c.getDefaultFractionDigits() >= 0)
                    .findFirst()
                    .orElseThrow(() -> new InvalidFieldException("value.currency",
                            "'" + currency + "' is not an ISO 4217 currency code with minor units."));
            if (amount.stripTrailingZeros().scale() > known.getDefaultFractionDigits()) {
                throw new InvalidFieldException("value.amount", "has more decimals than " + currency + " has ("
                        + known.getDefaultFractionDigits() + ").");
            }
            return new Money(amount, currency);
        }
    }

    RelationshipCommand.RecordContractRenewal toCommand(String clientId, String tenantId, Instant recordedAt) {
        return new RelationshipCommand.RecordContractRenewal(tenantId, clientId, termMonths,
                value == null ? null : value.toMoney(), occurredAt, recordedAt);
    }
}
