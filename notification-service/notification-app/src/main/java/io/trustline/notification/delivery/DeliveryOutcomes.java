package io.trustline.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Records each attempt's outcome in the event store, outside any aggregate (an aggregate per delivery would cost a
 * stream read per attempt and decide nothing). The outbox relay publishes it from there like every stored event,
 * so an outcome is published once it is stored, even if the service stops right after.
 */
@ApplicationScoped
class DeliveryOutcomes {

    private final EventStore events;

    @Inject
    DeliveryOutcomes(EventStore events) {
        this.events = events;
    }

    void record(WebhookDeliveryEvent outcome) {
        events.publish(GenericEventMessage.asEventMessage(outcome));
    }
}
