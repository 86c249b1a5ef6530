package io.trustline.console.incident;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The client's expectation of an issue in words: who is affected, what it stops, by when, where, and how it counts as resolved. */
public record Expectation(String who, String what, String when, String where, String how, List<String> acceptanceChecks) {

    static Expectation of(JsonNode e) {
        JsonNode who = e.path("who");
        JsonNode what = e.path("what");
        JsonNode when = e.path("when");
        JsonNode where = e.path("where");
        JsonNode how = e.path("how");
        List<String> checks = new ArrayList<>();
        how.path("acceptanceChecks").forEach(c -> checks.add(c.asText()));
        return new Expectation(
                words(who.path("scope").asText("")) + (who.path("affectedCount").isNumber() ? " (" + who.path("affectedCount").asInt() + " people)" : ""),
                words(what.path("impact").asText("")) + (what.path("costPerHour").isNumber() ? ", costing " + what.path("costPerHour").asText() + " an hour" : "")
                        + (what.path("description").isTextual() ? ": " + what.path("description").asText() : ""),
                (when.path("resolveBy").isTextual() ? "resolved by " + IncidentResource.minute(when.path("resolveBy")) : "")
                        + (when.path("reason").isTextual() ? " — " + when.path("reason").asText() : ""),
                where.path("location").asText("") + (where.path("workMode").isTextual() ? " (" + words(where.path("workMode").asText()) + ")" : ""),
                how.path("resolvedWhen").asText(""),
                checks);
    }

    /** {@code ONE_PERSON} as {@code one person}. */
    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
