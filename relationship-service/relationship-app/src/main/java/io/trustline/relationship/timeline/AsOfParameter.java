package io.trustline.relationship.timeline;

import io.trustline.platform.problem.InvalidFieldException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The {@code asOf} query parameter of the queries that look back in time. */
public final class AsOfParameter {

    /** RFC 3339 in UTC or with an offset, as every date in the API. */
    public static final String DATE_TIME =
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})";

    private AsOfParameter() {
    }

    /** The instant, or null when the parameter was left out. */
    public static Instant parse(String asOf) {
        if (asOf == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(asOf).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("asOf", "'" + asOf + "' is not a valid date-time: write RFC 3339 text "
                    + "such as 2026-03-03T12:00:00Z.");
        }
    }
}
