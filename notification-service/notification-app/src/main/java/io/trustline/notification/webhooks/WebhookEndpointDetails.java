package io.trustline.notification.webhooks;

import java.time.Instant;
import java.util.List;

/** A registered endpoint as the API shows it. */
public record WebhookEndpointDetails(String endpointId, String url, List<String> eventTypes, Instant registeredAt) {

    public boolean subscribesTo(String eventType) {
        return eventTypes.contains(eventType);
    }
}
