package io.trustline.notification.publishing;

import io.trustline.notification.api.NotificationEventTypes;
import io.trustline.notification.api.NotificationTopics;
import io.trustline.notification.api.WebhookEndpointRegistered;
import io.trustline.notification.api.WebhookEndpointSecretRotated;
import io.trustline.notification.webhooks.WebhookEndpointEvent;
import io.trustline.platform.relay.IntegrationEvent;
import io.trustline.platform.relay.IntegrationEventTranslator;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Stored notification events → {@code notification-api} events on {@link NotificationTopics#EVENTS}; an endpoint's
 * events have the endpoint as subject.
 */
@ApplicationScoped
public class NotificationEventsTranslator implements IntegrationEventTranslator {

    @Override
    public String topic() {
        return NotificationTopics.EVENTS;
    }

    @Override
    public IntegrationEvent translate(Object payload) {
        if (payload instanceof WebhookEndpointEvent.WebhookEndpointRegistered e) {
            return new IntegrationEvent(NotificationEventTypes.WEBHOOK_ENDPOINT_REGISTERED, e.tenantId(), e.endpointId(),
                    e.registeredAt(), new WebhookEndpointRegistered(e.tenantId(), e.endpointId(), e.registeredAt(),
                            e.url(), e.eventTypes()));
        }
        if (payload instanceof WebhookEndpointEvent.WebhookEndpointSecretRotated e) {
            // the sealed secrets stay in the store: the published event only says that and until when both sign
            return new IntegrationEvent(NotificationEventTypes.WEBHOOK_ENDPOINT_SECRET_ROTATED, e.tenantId(),
                    e.endpointId(), e.rotatedAt(), new WebhookEndpointSecretRotated(e.tenantId(), e.endpointId(),
                            e.rotatedAt(), e.previousValidUntil()));
        }
        throw new IllegalArgumentException("notification does not publish " + payload.getClass().getName());
    }
}
