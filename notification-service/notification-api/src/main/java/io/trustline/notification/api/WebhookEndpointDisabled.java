package io.trustline.notification.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * A webhook endpoint was disabled: no event is enqueued for it from now on. Deliveries already waiting for it stay
 * pending and are not attempted while it is disabled; its tenant can enable it again, whatever the reason
 * ({@link WebhookEndpointEnabled}), and they resume in order.
 *
 * <p>CloudEvent type {@value NotificationEventTypes#WEBHOOK_ENDPOINT_DISABLED}, subject the {@code endpointId}
 * (Kafka record key {@code <tenantId>:<endpointId>}), as {@link WebhookEndpointRegistered}.
 *
 * @param tenantId   the provider (MSP) the endpoint belongs to. Required. Since v1.
 * @param endpointId the endpoint; also the CloudEvent subject. Required. Since v1.
 * @param occurredAt when it was disabled. Required. Since v1.
 * @param reason     why, as a rule: {@link Reason}. Required. Since v1.
 * @param detail     the same for a person, e.g. {@code answered 410 Gone to event 7c1…} or {@code disabled by the
 *                   tenant}; free text, not for parsing. Required. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookEndpointDisabled(
        String tenantId,
        String endpointId,
        Instant occurredAt,
        Reason reason,
        String detail) {

    /**
     * Why an endpoint was disabled.
     *
     * @since v1
     */
    public enum Reason {
        /** The endpoint answered {@code 410 Gone}: its owner says it will never take deliveries again. */
        GONE,
        /**
         * Every attempt failed for longer than the service's configured limit ({@code trustline.webhooks.delivery.disable-after},
         * 5 days by default), counted from the first failure after the last success.
         */
        FAILING_TOO_LONG,
        /**
         * Its tenant disabled it ({@code PATCH /webhooks/endpoints/{id}} with {@code "enabled": false}). Added before
         * this type was first released, so it is part of v1.
         */
        DISABLED_BY_TENANT
    }

    public WebhookEndpointDisabled {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
