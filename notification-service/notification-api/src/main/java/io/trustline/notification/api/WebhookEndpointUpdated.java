package io.trustline.notification.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A tenant changed the settings of one of its webhook endpoints: the events after this one are delivered per the
 * settings it carries. It carries all of them, as they are now, and names the ones that changed, so a reader needs
 * no earlier event to know the endpoint's subscription. Enabling and disabling are their own events
 * ({@link WebhookEndpointEnabled}, {@link WebhookEndpointDisabled}); the signing secret is never published.
 *
 * <p>CloudEvent type {@value NotificationEventTypes#WEBHOOK_ENDPOINT_UPDATED}, subject the {@code endpointId}, Kafka
 * record key {@code <tenantId>:<endpointId>} (no {@code clientId}, as for {@link WebhookEndpointRegistered}).
 *
 * @param tenantId    the provider (MSP) the endpoint belongs to. Required. Since v1.
 * @param endpointId  the endpoint; also the CloudEvent subject. Required. Since v1.
 * @param occurredAt  when the settings were changed (not when this event was published). Required. Since v1.
 * @param url         the absolute URL deliveries are sent to from now on. Required. Since v1.
 * @param eventTypes  the CloudEvent types delivered from now on, as in {@link WebhookEndpointRegistered#eventTypes()};
 *                    unmodifiable. Required: at least one. Since v1.
 * @param filter      the CEL filter an event must satisfy, as in {@link WebhookEndpointRegistered#filter()}. Optional:
 *                    null (absent) when the endpoint has none (any more). Since v1.
 * @param clientIds   the clients whose events are delivered, as in {@link WebhookEndpointRegistered#clientIds()};
 *                    unmodifiable. Optional: null (absent) when every client's are. Since v1.
 * @param description the tenant's note on the endpoint. Optional: null (absent) when it has none. Since v1.
 * @param changed     which of {@code url}, {@code eventTypes}, {@code filter}, {@code clientIds} and
 *                    {@code description} changed, by those names, in that order; unmodifiable. Required: at least
 *                    one. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookEndpointUpdated(
        String tenantId,
        String endpointId,
        Instant occurredAt,
        String url,
        List<String> eventTypes,
        String filter,
        List<String> clientIds,
        String description,
        List<String> changed) {

    public WebhookEndpointUpdated {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(url, "url");
        eventTypes = List.copyOf(Objects.requireNonNull(eventTypes, "eventTypes"));
        if (eventTypes.isEmpty()) {
            throw new IllegalArgumentException("eventTypes must hold at least one CloudEvent type");
        }
        clientIds = clientIds == null ? null : List.copyOf(clientIds);
        changed = List.copyOf(Objects.requireNonNull(changed, "changed"));
        if (changed.isEmpty()) {
            throw new IllegalArgumentException("changed must name at least one setting");
        }
    }
}
