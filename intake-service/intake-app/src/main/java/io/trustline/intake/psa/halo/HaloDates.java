package io.trustline.intake.psa.halo;

import com.fasterxml.jackson.databind.JsonNode;
import io.trustline.intake.psa.MalformedWebhook;
import io.trustline.intake.psa.WebhookJson;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Halo's dates. Its API writes them in UTC, often without an offset ({@code 2024-05-01T10:00:00}), and writes a date
 * that is not set as {@code 1900-01-01T00:00:00}; both are read here, the second as empty.
 */
final class HaloDates {

    private static final int LAST_YEAR_OF_NOT_SET = 1900;

    private HaloDates() {
    }

    static Instant instant(JsonNode parent, String field, String path) {
        String value = WebhookJson.text(parent, field, path);
        if (value == null) {
            return null;
        }
        OffsetDateTime dateTime;
        try {
            dateTime = OffsetDateTime.parse(value);
        } catch (DateTimeParseException withoutOffset) {
            try {
                dateTime = LocalDateTime.parse(value).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new MalformedWebhook(path + " must be a date-time such as 2024-05-01T10:00:00Z, not '"
                        + value + "'.");
            }
        }
        return dateTime.getYear() <= LAST_YEAR_OF_NOT_SET ? null : dateTime.toInstant();
    }
}
