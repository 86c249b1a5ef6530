package io.trustline.notification.webhooks;

import java.util.ArrayList;
import java.util.List;

/** All endpoints of one tenant, kept in one document so a delivery finds them by a full-key read. */
public record TenantWebhookEndpoints(List<WebhookEndpointDetails> endpoints) {

    static final TenantWebhookEndpoints NONE = new TenantWebhookEndpoints(List.of());

    TenantWebhookEndpoints with(WebhookEndpointDetails endpoint) {
        List<WebhookEndpointDetails> updated = new ArrayList<>(endpoints);
        updated.removeIf(e -> e.endpointId().equals(endpoint.endpointId()));
        updated.add(endpoint);
        return new TenantWebhookEndpoints(updated);
    }

    TenantWebhookEndpoints without(String endpointId) {
        return new TenantWebhookEndpoints(endpoints.stream().filter(e -> !e.endpointId().equals(endpointId)).toList());
    }
}
