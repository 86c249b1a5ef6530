package io.trustline.notification.delivery;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** The {@code Retry-After} header (RFC 9110 §10.2.3): delay-seconds or an HTTP date. */
final class RetryAfter {

    private RetryAfter() {
    }

    /** When the endpoint asks to be tried again, or empty when the header is absent or not valid. */
    static Optional<Instant> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(now.plusSeconds(Long.parseLong(value)));
            } catch (NumberFormatException | DateTimeException tooLarge) {
                return Optional.empty();
            }
        }
        try {
            // RFC 1123 is the IMF-fixdate HTTP uses; the obsolete formats are not worth accepting
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }
}
