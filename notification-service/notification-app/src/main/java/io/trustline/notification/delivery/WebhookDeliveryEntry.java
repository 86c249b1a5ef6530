package io.trustline.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * One event's delivery to one endpoint as the API shows it: where it stands and how its last attempt went. Fields
 * about attempts are null before the first one; {@code lastStatusCode} and {@code lastError} exclude each other;
 * {@code nextAttemptAt} is null unless it is {@code PENDING}.
 *
 * @param deliveryId stable and URL-safe: {@code POST /webhooks/deliveries/{deliveryId}/retry}
 * @param clientId   the event's client (its CloudEvent subject); null when it had none
 * @param replayId   the replay that sends the event again; null for its first delivery
 */
public record WebhookDeliveryEntry(String deliveryId, String endpointId, String eventId, String eventType,
                                   String clientId, DeliveryStatus status, int attempts, Instant lastAttemptAt,
                                   Integer lastStatusCode, String lastError, Long lastLatencyMs, Instant nextAttemptAt,
                                   String replayId) {

    /** The id shown for a stored delivery ({@code endpointId|eventId}); base64url, since event ids may hold anything. */
    static String publicId(String storedId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(storedId.getBytes(StandardCharsets.UTF_8));
    }

    /** The stored id a public one stands for; empty when it is not one {@link #publicId} gave out. */
    static Optional<String> storedId(String publicId) {
        try {
            String stored = new String(Base64.getUrlDecoder().decode(publicId), StandardCharsets.UTF_8);
            return stored.contains("|") ? Optional.of(stored) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    static WebhookDeliveryEntry of(Document stored) {
        DeliveryStatus status = DeliveryStatus.valueOf(stored.getString("status"));
        Number latency = (Number) stored.get("lastLatencyMs");
        return new WebhookDeliveryEntry(publicId(stored.getString("_id")), stored.getString("endpointId"),
                stored.getString("eventId"), stored.getString("eventType"), stored.getString("clientId"), status,
                stored.getInteger("attempts", 0), instant(stored.getDate("lastAttemptAt")),
                stored.getInteger("lastStatusCode"), stored.getString("lastError"),
                latency == null ? null : latency.longValue(),
                status == DeliveryStatus.PENDING ? instant(stored.getDate("nextAttemptAt")) : null,
                stored.getString("replayId"));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
