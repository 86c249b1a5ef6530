package io.trustline.notification.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * A tenant replaced the signing secret of one of its webhook endpoints. The secrets themselves are never published:
 * this event tells that deliveries now carry a signature with the new secret and, until {@code previousSecretExpiresAt},
 * one with the previous secret too.
 *
 * <p>CloudEvent type {@value NotificationEventTypes#WEBHOOK_ENDPOINT_SECRET_ROTATED}, subject the
 * {@code endpointId}, Kafka record key {@code <tenantId>:<endpointId>} (no {@code clientId}, as for
 * {@link WebhookEndpointRegistered}).
 *
 * @param tenantId                the provider (MSP) the endpoint belongs to. Required. Since v1.
 * @param endpointId              the endpoint; also the CloudEvent subject. Required. Since v1.
 * @param occurredAt              when the secret was replaced (not when this event was published). Required. Since v1.
 * @param previousSecretExpiresAt until when (exclusive) deliveries are also signed with the previous secret; absent when
 *                                the endpoint had no secret before (registered before deliveries were signed). Optional.
 *                                Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookEndpointSecretRotated(
        String tenantId,
        String endpointId,
        Instant occurredAt,
        Instant previousSecretExpiresAt) {

    public WebhookEndpointSecretRotated {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
