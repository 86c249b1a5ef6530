package io.trustline.notification.webhooks;

import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointRegistered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * An endpoint read back from its own stored events. A replayed registration answers from here rather than
 * from the read model, which may not have caught up with a registration stored a moment ago.
 */
@ApplicationScoped
class WebhookEndpointHistory {

    private final EventStore events;

    @Inject
    WebhookEndpointHistory(EventStore events) {
        this.events = events;
    }

    WebhookEndpointRegistered registeredEarlier(String endpointId) {
        return events.readEvents(endpointId).asStream()
                .map(stored -> stored.getPayload())
                .filter(WebhookEndpointRegistered.class::isInstance)
                .map(WebhookEndpointRegistered.class::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("endpoint " + endpointId + " has no registration event"));
    }

    boolean deletedEarlier(String endpointId) {
        return events.readEvents(endpointId).asStream()
                .anyMatch(stored -> stored.getPayload() instanceof WebhookEndpointEvent.WebhookEndpointDeleted);
    }
}
