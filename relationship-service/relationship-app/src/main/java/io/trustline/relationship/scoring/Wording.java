package io.trustline.relationship.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How amounts, durations and dates read in the sentences of a timeline. */
public final class Wording {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_AND_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Wording() {
    }

    /** "+3", "-1.5": one decimal at most, sign always. */
    public static String signed(double amount) {
        String number = number(Math.abs(amount));
        return (amount < 0 ? "-" : "+") + number;
    }

    public static String number(double amount) {
        return BigDecimal.valueOf(amount).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** "40 min", "60 min", "3 h 5 min", "2 days 4 h". */
    public static String duration(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes <= 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            long rest = minutes % 60;
            return hours + " h" + (rest == 0 ? "" : " " + rest + " min");
        }
        long days = hours / 24;
        long rest = hours % 24;
        return days + " days" + (rest == 0 ? "" : " " + rest + " h");
    }

    public static String days(Duration duration) {
        long days = duration.toDays();
        return days == 1 ? "1 day" : days + " days";
    }

    public static String day(Instant instant) {
        return DAY.format(instant);
    }

    /** "2026-05-26 09:00 UTC". */
    public static String dayAndTime(Instant instant) {
        return DAY_AND_TIME.format(instant);
    }

    public static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }

    /** "ActionPlanIssued" -> "action plan issued". */
    public static String eventName(String type) {
        return type.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    public static String words(Enum<?> value) {
        return value.name().replace('_', ' ');
    }
}
