package io.trustline.notification.webhooks;

import java.time.Instant;
import java.util.List;

/** A registered endpoint as the API shows it. */
public record WebhookEndpointDetails(String endpointId, String url, List<String> eventTypes, Instant registeredAt) {

    static WebhookEndpointDetails registered(WebhookEndpointCommand.RegisterWebhookEndpoint command) {
        return new WebhookEndpointDetails(command.endpointId(), command.url(), command.eventTypes(), command.registeredAt());
    }

    static WebhookEndpointDetails of(WebhookEndpointEvent.WebhookEndpointRegistered event) {
        return new WebhookEndpointDetails(event.endpointId(), event.url(), event.eventTypes(), event.registeredAt());
    }

    public boolean subscribesTo(String eventType) {
        return eventTypes.contains(eventType);
    }
}
