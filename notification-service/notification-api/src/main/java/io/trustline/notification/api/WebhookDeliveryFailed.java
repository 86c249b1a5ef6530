package io.trustline.notification.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * An attempt to POST an event to a webhook endpoint failed: it answered something other than 2xx, or could not be
 * reached or did not answer in time. Either another attempt is scheduled ({@code nextAttemptAt}) or the delivery
 * was given up (no {@code nextAttemptAt}: the retry schedule is exhausted, or the endpoint answered
 * {@code 410 Gone} and was disabled).
 *
 * <p>CloudEvent type {@value NotificationEventTypes#WEBHOOK_DELIVERY_FAILED}, subject the {@code endpointId},
 * as {@link WebhookDelivered}.
 *
 * @param tenantId      the provider (MSP) the endpoint belongs to. Required. Since v1.
 * @param endpointId    the endpoint; also the CloudEvent subject. Required. Since v1.
 * @param eventId       the CloudEvent id of the event being delivered, stable across attempts. Required. Since v1.
 * @param eventType     the CloudEvent type of that event. Required. Since v1.
 * @param clientId      that event's subject, normally its client; absent when it had none. Optional. Since v1.
 * @param attempt       which attempt failed for this event and endpoint, from 1. Required. Since v1.
 * @param statusCode    the HTTP status the endpoint answered (any but 2xx; a redirect is not followed and counts as
 *                      a failure); absent when there was no answer. Optional. Since v1.
 * @param error         why there was no answer (e.g. {@code connection refused}, {@code no answer within PT10S});
 *                      absent when there was one. Free text. Optional. Since v1.
 * @param latencyMs     milliseconds from sending the request to the answer or the failure. Required, ≥ 0. Since v1.
 * @param occurredAt    when the attempt ended. Required. Since v1.
 * @param nextAttemptAt when the next attempt is due: the retry schedule's next step, or later when the endpoint
 *                      asked for that with {@code Retry-After}; absent when the delivery was given up. Optional.
 *                      Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookDeliveryFailed(
        String tenantId,
        String endpointId,
        String eventId,
        String eventType,
        String clientId,
        int attempt,
        Integer statusCode,
        String error,
        long latencyMs,
        Instant occurredAt,
        Instant nextAttemptAt) {

    public WebhookDeliveryFailed {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
        }
        if ((statusCode == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of statusCode and error must be given");
        }
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latencyMs must not be negative, was " + latencyMs);
        }
    }

    /** Whether this was the last attempt: no other follows. */
    public boolean gaveUp() {
        return nextAttemptAt == null;
    }
}
