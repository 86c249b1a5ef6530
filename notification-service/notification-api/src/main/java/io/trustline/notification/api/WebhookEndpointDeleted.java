package io.trustline.notification.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * A tenant deleted one of its webhook endpoints: nothing is delivered to it any more, the deliveries still waiting
 * for it were dropped without another attempt, and its signing secrets are no longer used. It is the endpoint's
 * last event; its id is never used again.
 *
 * <p>CloudEvent type {@value NotificationEventTypes#WEBHOOK_ENDPOINT_DELETED}, subject the {@code endpointId}, Kafka
 * record key {@code <tenantId>:<endpointId>}, as {@link WebhookEndpointRegistered}.
 *
 * @param tenantId   the provider (MSP) the endpoint belonged to. Required. Since v1.
 * @param endpointId the endpoint; also the CloudEvent subject. Required. Since v1.
 * @param occurredAt when it was deleted. Required. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookEndpointDeleted(
        String tenantId,
        String endpointId,
        Instant occurredAt) {

    public WebhookEndpointDeleted {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
