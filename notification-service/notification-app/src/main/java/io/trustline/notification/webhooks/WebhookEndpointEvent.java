package io.trustline.notification.webhooks;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Stored domain events of a webhook endpoint. */
public sealed interface WebhookEndpointEvent {

    @Revision("1")
    record WebhookEndpointRegistered(String endpointId, String tenantId, String url, List<String> eventTypes,
                                     Instant registeredAt) implements WebhookEndpointEvent {

        public WebhookEndpointRegistered {
            eventTypes = List.copyOf(eventTypes);
        }
    }

    /** Delivery stopped for good: the endpoint will receive nothing new. */
    @Revision("1")
    record WebhookEndpointDisabled(String endpointId, String tenantId, DisabledReason reason, String detail,
                                   Instant disabledAt) implements WebhookEndpointEvent {
    }

    /** Why an endpoint was disabled. */
    enum DisabledReason {
        /** It answered 410 Gone. */
        GONE,
        /** Every attempt failed for longer than {@code trustline.webhooks.disable-after}. */
        FAILING_TOO_LONG
    }
}
