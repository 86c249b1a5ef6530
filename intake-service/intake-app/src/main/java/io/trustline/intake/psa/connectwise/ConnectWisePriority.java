package io.trustline.intake.psa.connectwise;

import io.trustline.intake.api.Priority;
import io.trustline.intake.psa.PriorityWords;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ConnectWise priority name as Trustline's {@link Priority}. ConnectWise ships "Priority 1 - Emergency Response"
 * down to "Priority 5 - Next Time"; the number decides. Renamed priorities are read by their words; a name that says
 * neither is left unknown rather than guessed.
 */
final class ConnectWisePriority {

    private static final Pattern NUMBERED = Pattern.compile("^priority\\s*(\\d{1,3})\\b");

    private ConnectWisePriority() {
    }

    static Priority of(String name) {
        if (name == null) {
            return null;
        }
        String words = name.trim().toLowerCase(Locale.ROOT);
        Matcher numbered = NUMBERED.matcher(words);
        if (numbered.find()) {
            return switch (Integer.parseInt(numbered.group(1))) {
                case 0, 1 -> Priority.CRITICAL;
                case 2 -> Priority.HIGH;
                case 3 -> Priority.MEDIUM;
                default -> Priority.LOW;
            };
        }
        return PriorityWords.of(words);
    }
}
