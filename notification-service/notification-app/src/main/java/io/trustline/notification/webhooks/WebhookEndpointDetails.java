package io.trustline.notification.webhooks;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A registered endpoint as the API shows it; {@code disabledAt} and {@code disabledReason} are absent while it is
 * enabled.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookEndpointDetails(String endpointId, String url, List<String> eventTypes, Instant registeredAt,
                                     Instant disabledAt, WebhookEndpointEvent.DisabledReason disabledReason) {

    static WebhookEndpointDetails registered(WebhookEndpointCommand.RegisterWebhookEndpoint command) {
        return new WebhookEndpointDetails(command.endpointId(), command.url(), command.eventTypes(), command.registeredAt(),
                null, null);
    }

    static WebhookEndpointDetails of(WebhookEndpointEvent.WebhookEndpointRegistered event) {
        return new WebhookEndpointDetails(event.endpointId(), event.url(), event.eventTypes(), event.registeredAt(),
                null, null);
    }

    WebhookEndpointDetails disabled(WebhookEndpointEvent.WebhookEndpointDisabled event) {
        return new WebhookEndpointDetails(endpointId, url, eventTypes, registeredAt, event.disabledAt(), event.reason());
    }

    public boolean subscribesTo(String eventType) {
        return eventTypes.contains(eventType);
    }

    @JsonIgnore
    public boolean isDisabled() {
        return disabledAt != null;
    }
}
