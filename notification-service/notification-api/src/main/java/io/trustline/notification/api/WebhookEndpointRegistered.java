package io.trustline.notification.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A tenant registered a partner's webhook endpoint: from now on, the tenant's intake and incident events of the
 * subscribed types are POSTed to it as structured-mode CloudEvents, signed per Standard Webhooks with the endpoint's
 * secret (never published). One may arrive more than once: receivers dedupe on the CloudEvent id ({@code webhook-id}).
 *
 * <p>The endpoint belongs to the tenant, not to one of its clients, so unlike most Trustline events this one
 * has no {@code clientId}: its CloudEvent subject is the {@code endpointId}, and its Kafka record key
 * {@code <tenantId>:<endpointId>} keeps one endpoint's events in order.
 *
 * <p>CloudEvent type {@value NotificationEventTypes#WEBHOOK_ENDPOINT_REGISTERED}, subject the
 * {@code endpointId}.
 *
 * @param tenantId   the provider (MSP) that registered the endpoint. Required. Since v1.
 * @param endpointId the endpoint, unique within the tenant; also the CloudEvent subject. Required. Since v1.
 * @param occurredAt when the endpoint was registered (not when this event was published). Required. Since v1.
 * @param url        the absolute URL deliveries are sent to, exactly as registered. Required. Since v1.
 * @param eventTypes the CloudEvent types delivered to the endpoint, each a full type such as
 *                   {@code io.trustline.incident.ActionPlanIssued.v1}, in the order registered with repeats
 *                   left out; unmodifiable. Required: at least one. Since v1.
 * @param filter     the CEL expression over the CloudEvent ({@code type}, {@code source}, {@code subject}, {@code id},
 *                   {@code time}, {@code data}) that an event of those types must satisfy to be delivered, as
 *                   registered. Optional: null (absent) when every event of the types is delivered. Since v1, optional.
 * @param clientIds  the clients (CloudEvent subject, the {@code clientId}) whose events are delivered, in the order
 *                   registered with repeats left out; unmodifiable. Optional: null (absent) when every client's are.
 *                   Since v1, optional.
 * @param description the tenant's note on what the endpoint is for, one line of at most 500 characters. Optional:
 *                   null (absent) when none was given. Since v1, optional.
 * @param backfillFrom the instant from which the tenant's past events that the endpoint admits are delivered to it
 *                   before the live ones. Optional: null (absent) when only live events are delivered. Since v1,
 *                   optional.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookEndpointRegistered(
        String tenantId,
        String endpointId,
        Instant occurredAt,
        String url,
        List<String> eventTypes,
        String filter,
        List<String> clientIds,
        String description,
        Instant backfillFrom) {

    public WebhookEndpointRegistered {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(url, "url");
        eventTypes = List.copyOf(Objects.requireNonNull(eventTypes, "eventTypes"));
        if (eventTypes.isEmpty()) {
            throw new IllegalArgumentException("eventTypes must hold at least one CloudEvent type");
        }
        clientIds = clientIds == null ? null : List.copyOf(clientIds);
    }
}
