package io.trustline.notification.webhooks;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of a partner's webhook endpoint. */
public sealed interface WebhookEndpointCommand {

    /** Subscribe a partner URL to CloudEvent types of the tenant. */
    record RegisterWebhookEndpoint(@TargetAggregateIdentifier String endpointId, String tenantId, String url,
                                   List<String> eventTypes, Instant registeredAt) implements WebhookEndpointCommand {
    }

    /**
     * Stop delivering to the endpoint: sent by delivery when the endpoint answered 410 Gone or kept failing for too
     * long. Disabling a disabled endpoint records nothing.
     */
    record DisableWebhookEndpoint(@TargetAggregateIdentifier String endpointId, String tenantId,
                                  WebhookEndpointEvent.DisabledReason reason, String detail, Instant disabledAt)
            implements WebhookEndpointCommand {
    }
}
