package io.trustline.notification.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * A tenant enabled a disabled webhook endpoint again: events are enqueued for it from now on, and the deliveries
 * that waited while it was disabled are attempted again, in order (events published while it was disabled are not
 * delivered). Its failure streak starts afresh, so an endpoint disabled for failing too long gets the whole
 * {@code disable-after} time again.
 *
 * <p>CloudEvent type {@value NotificationEventTypes#WEBHOOK_ENDPOINT_ENABLED}, subject the {@code endpointId}, Kafka
 * record key {@code <tenantId>:<endpointId>}, as {@link WebhookEndpointDisabled}.
 *
 * @param tenantId       the provider (MSP) the endpoint belongs to. Required. Since v1.
 * @param endpointId     the endpoint; also the CloudEvent subject. Required. Since v1.
 * @param occurredAt     when it was enabled. Required. Since v1.
 * @param previousReason why it had been disabled, the {@link WebhookEndpointDisabled#reason()} this event ends.
 *                       Required. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookEndpointEnabled(
        String tenantId,
        String endpointId,
        Instant occurredAt,
        WebhookEndpointDisabled.Reason previousReason) {

    public WebhookEndpointEnabled {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(previousReason, "previousReason");
    }
}
