package io.trustline.notification.publishing;

import io.trustline.notification.api.NotificationEventTypes;
import io.trustline.notification.api.WebhookDelivered;
import io.trustline.notification.api.WebhookDeliveryFailed;
import io.trustline.notification.api.WebhookEndpointDeleted;
import io.trustline.notification.api.WebhookEndpointDisabled;
import io.trustline.notification.api.WebhookEndpointEnabled;
import io.trustline.notification.api.WebhookEndpointUpdated;
import io.trustline.notification.delivery.WebhookDeliveryEvent;
import io.trustline.notification.api.NotificationTopics;
import io.trustline.notification.api.WebhookEndpointRegistered;
import io.trustline.notification.api.WebhookEndpointSecretRotated;
import io.trustline.notification.webhooks.WebhookEndpointEvent;
import io.trustline.platform.relay.IntegrationEvent;
import io.trustline.platform.relay.IntegrationEventTranslator;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Stored notification events → {@code notification-api} events on {@link NotificationTopics#EVENTS}; an endpoint's
 * events, its deliveries' included, have the endpoint as subject.
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
                            e.url(), e.eventTypes(), e.filter(), e.clientIds(), e.description(), e.backfillFrom()));
        }
        if (payload instanceof WebhookEndpointEvent.WebhookEndpointUpdated e) {
            return new IntegrationEvent(NotificationEventTypes.WEBHOOK_ENDPOINT_UPDATED, e.tenantId(), e.endpointId(),
                    e.updatedAt(), new WebhookEndpointUpdated(e.tenantId(), e.endpointId(), e.updatedAt(), e.url(),
                            e.eventTypes(), e.filter(), e.clientIds(), e.description(), e.changed()));
        }
        if (payload instanceof WebhookEndpointEvent.WebhookEndpointEnabled e) {
            return new IntegrationEvent(NotificationEventTypes.WEBHOOK_ENDPOINT_ENABLED, e.tenantId(), e.endpointId(),
                    e.enabledAt(), new WebhookEndpointEnabled(e.tenantId(), e.endpointId(), e.enabledAt(),
                            WebhookEndpointDisabled.Reason.valueOf(e.previousReason().name())));
        }
        if (payload instanceof WebhookEndpointEvent.WebhookEndpointDeleted e) {
            return new IntegrationEvent(NotificationEventTypes.WEBHOOK_ENDPOINT_DELETED, e.tenantId(), e.endpointId(),
                    e.deletedAt(), new WebhookEndpointDeleted(e.tenantId(), e.endpointId(), e.deletedAt()));
        }
        if (payload instanceof WebhookEndpointEvent.WebhookEndpointDisabled e) {
            return new IntegrationEvent(NotificationEventTypes.WEBHOOK_ENDPOINT_DISABLED, e.tenantId(), e.endpointId(),
                    e.disabledAt(), new WebhookEndpointDisabled(e.tenantId(), e.endpointId(), e.disabledAt(),
                            WebhookEndpointDisabled.Reason.valueOf(e.reason().name()), e.detail()));
        }
        if (payload instanceof WebhookDeliveryEvent.WebhookDelivered e) {
            return new IntegrationEvent(NotificationEventTypes.WEBHOOK_DELIVERED, e.tenantId(), e.endpointId(),
                    e.deliveredAt(), new WebhookDelivered(e.tenantId(), e.endpointId(), e.eventId(), e.eventType(),
                            e.clientId(), e.attempt(), e.statusCode(), e.latencyMs(), e.deliveredAt()));
        }
        if (payload instanceof WebhookDeliveryEvent.WebhookDeliveryFailed e) {
            return new IntegrationEvent(NotificationEventTypes.WEBHOOK_DELIVERY_FAILED, e.tenantId(), e.endpointId(),
                    e.failedAt(), new WebhookDeliveryFailed(e.tenantId(), e.endpointId(), e.eventId(), e.eventType(),
                            e.clientId(), e.attempt(), e.statusCode(), e.error(), e.latencyMs(), e.failedAt(),
                            e.nextAttemptAt()));
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
