package io.trustline.console.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One point of a client's scored timeline as the relationship service answers it ({@code GET
 * /clients/{clientId}/timeline}): the event (or clock tick), trust and loyalty before and after, and the sentences
 * that explain the change.
 *
 * @param changes one sentence per rule that moved a score; empty when nothing moved
 */
public record ScorePoint(String kind, String eventId, String eventType, Instant occurredAt, String issueId,
                         double trustBefore, double trustAfter, double loyaltyBefore, double loyaltyAfter,
                         String sentence, List<String> changes) {

    public static ScorePoint from(JsonNode point) {
        JsonNode event = point.path("event");
        List<String> changes = new ArrayList<>();
        point.path("changes").forEach(change -> changes.add(change.path("sentence").asText()));
        return new ScorePoint(point.path("kind").asText(), event.path("id").asText(), event.path("type").asText(),
                Instant.parse(event.path("occurredAt").asText()), event.path("issueId").asText(null),
                point.path("trust").path("before").asDouble(), point.path("trust").path("after").asDouble(),
                point.path("loyalty").path("before").asDouble(), point.path("loyalty").path("after").asDouble(),
                point.path("sentence").asText(""), List.copyOf(changes));
    }

    public double trustDelta() {
        return trustAfter - trustBefore;
    }

    public double loyaltyDelta() {
        return loyaltyAfter - loyaltyBefore;
    }
}
