package io.trustline.notification.webhooks;

/** Queries over a tenant's webhook endpoints. */
public final class WebhookEndpointQueries {

    private WebhookEndpointQueries() {
    }

    public record GetWebhookEndpointById(String tenantId, String endpointId) {
    }

    public record ListWebhookEndpoints(String tenantId) {
    }
}
