package io.trustline.intake.psa;

import io.trustline.intake.api.Priority;
import java.util.Locale;

/**
 * A priority named in words, as PSAs let MSPs rename their priorities: "Emergency", "High", "Normal", "Low". A name
 * that says none of them is left unknown rather than guessed.
 */
public final class PriorityWords {

    private PriorityWords() {
    }

    /** The priority the name says; null when it says none. */
    public static Priority of(String name) {
        String words = name.trim().toLowerCase(Locale.ROOT);
        if (words.contains("critical") || words.contains("emergency") || words.contains("urgent")) {
            return Priority.CRITICAL;
        }
        if (words.contains("high")) {
            return Priority.HIGH;
        }
        if (words.contains("medium") || words.contains("normal")) {
            return Priority.MEDIUM;
        }
        if (words.contains("low")) {
            return Priority.LOW;
        }
        return null;
    }
}
