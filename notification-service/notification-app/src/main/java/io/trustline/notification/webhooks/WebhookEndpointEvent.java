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
}
