package io.trustline.console.layout;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Instants as pages show them: in UTC, like the services' sentences. */
public final class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Dates() {
    }

    public static String day(String instant) {
        return DAY.format(Instant.parse(instant));
    }

    public static String minute(Instant instant) {
        return MINUTE.format(instant);
    }
}
