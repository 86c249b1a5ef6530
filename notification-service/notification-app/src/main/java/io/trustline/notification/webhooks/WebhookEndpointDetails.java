package io.trustline.notification.webhooks;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A registered endpoint as the API shows it; {@code filter}, {@code clientIds} and {@code description} are absent
 * when it has none (every event of its types, of every client), {@code disabledAt} and {@code disabledReason} while
 * it is enabled, {@code backfillFrom} when it was registered without a backfill.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookEndpointDetails(String endpointId, String url, List<String> eventTypes, String filter,
                                     List<String> clientIds, String description, Instant registeredAt,
                                     Instant disabledAt, WebhookEndpointEvent.DisabledReason disabledReason,
                                     Instant backfillFrom) {

    static WebhookEndpointDetails registered(WebhookEndpointCommand.RegisterWebhookEndpoint command) {
        return new WebhookEndpointDetails(command.endpointId(), command.url(), command.eventTypes(), command.filter(),
                command.clientIds(), command.description(), command.registeredAt(), null, null, command.backfillFrom());
    }

    static WebhookEndpointDetails of(WebhookEndpointEvent.WebhookEndpointRegistered event) {
        return new WebhookEndpointDetails(event.endpointId(), event.url(), event.eventTypes(), event.filter(),
                event.clientIds(), event.description(), event.registeredAt(), null, null, event.backfillFrom());
    }

    WebhookEndpointDetails updated(WebhookEndpointEvent.WebhookEndpointUpdated event) {
        return new WebhookEndpointDetails(endpointId, event.url(), event.eventTypes(), event.filter(), event.clientIds(),
                event.description(), registeredAt, disabledAt, disabledReason, backfillFrom);
    }

    WebhookEndpointDetails disabled(WebhookEndpointEvent.WebhookEndpointDisabled event) {
        return new WebhookEndpointDetails(endpointId, url, eventTypes, filter, clientIds, description, registeredAt,
                event.disabledAt(), event.reason(), backfillFrom);
    }

    WebhookEndpointDetails enabledAgain() {
        return new WebhookEndpointDetails(endpointId, url, eventTypes, filter, clientIds, description, registeredAt,
                null, null, backfillFrom);
    }

    /** Shown so that a client can read an endpoint, change it and send it back as a merge patch. */
    @JsonProperty(value = "enabled", access = JsonProperty.Access.READ_ONLY)
    @Schema(description = "false while disabled, by its tenant or by delivery; disabledReason says which")
    public boolean enabled() {
        return disabledAt == null;
    }

    public boolean subscribesTo(String eventType) {
        return eventTypes.contains(eventType);
    }

    /** Whether its allow-list, if it has one, holds the client (a CloudEvent's subject). */
    public boolean allowsClient(String clientId) {
        return clientIds == null || clientIds.contains(clientId);
    }

    @JsonIgnore
    public boolean isDisabled() {
        return disabledAt != null;
    }
}
