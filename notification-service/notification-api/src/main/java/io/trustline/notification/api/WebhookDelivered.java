package io.trustline.notification.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * An attempt to POST an event to a webhook endpoint succeeded: the endpoint answered 2xx. Published once per
 * successful attempt; after a crash between the attempt and its record the event may be POSTed, and this published,
 * once more (the receiver dedupes on the delivered CloudEvent id, {@code eventId}).
 *
 * <p>CloudEvent type {@value NotificationEventTypes#WEBHOOK_DELIVERED}, subject the {@code endpointId} (Kafka
 * record key {@code <tenantId>:<endpointId>}, so one endpoint's attempts are in order).
 *
 * @param tenantId   the provider (MSP) the endpoint belongs to. Required. Since v1.
 * @param endpointId the endpoint the event was POSTed to; also the CloudEvent subject. Required. Since v1.
 * @param eventId    the CloudEvent id of the delivered event, stable across attempts. Required. Since v1.
 * @param eventType  the CloudEvent type of the delivered event. Required. Since v1.
 * @param clientId   the delivered event's subject, normally the client it is about; absent when it had none.
 *                   Optional. Since v1.
 * @param attempt    which attempt this was for this event and endpoint, from 1. Required. Since v1.
 * @param statusCode the HTTP status the endpoint answered, 200–299. Required. Since v1.
 * @param latencyMs  milliseconds from sending the request to reading the answer (body included, up to the
 *                   size limit). Required, ≥ 0. Since v1.
 * @param occurredAt when the answer was read: the delivery time. Required. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookDelivered(
        String tenantId,
        String endpointId,
        String eventId,
        String eventType,
        String clientId,
        int attempt,
        int statusCode,
        long latencyMs,
        Instant occurredAt) {

    public WebhookDelivered {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
        }
        if (statusCode / 100 != 2) {
            throw new IllegalArgumentException("statusCode must be 2xx, was " + statusCode);
        }
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latencyMs must not be negative, was " + latencyMs);
        }
    }
}
