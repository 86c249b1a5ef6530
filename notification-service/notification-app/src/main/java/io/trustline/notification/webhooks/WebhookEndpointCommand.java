package io.trustline.notification.webhooks;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of a partner's webhook endpoint. */
public sealed interface WebhookEndpointCommand {

    /** The tenant the command comes from: only the endpoint's own may change it. */
    String tenantId();

    /**
     * Subscribe a partner URL to CloudEvent types of the tenant, with its first signing secret (sealed), narrowed by
     * an optional CEL {@code filter} (already compiled once) and an optional {@code clientIds} allow-list, with an
     * optional {@code description}; past events since {@code backfillFrom} (optional) are delivered first.
     */
    record RegisterWebhookEndpoint(@TargetAggregateIdentifier String endpointId, String tenantId, String url,
                                   List<String> eventTypes, Instant registeredAt, String sealedSecret, String filter,
                                   List<String> clientIds, String description, Instant backfillFrom)
            implements WebhookEndpointCommand {
    }

    /** Replace the signing secret; the current one keeps signing until {@code previousValidUntil}. */
    record RotateWebhookEndpointSecret(@TargetAggregateIdentifier String endpointId, String tenantId, String sealedSecret,
                                       Instant rotatedAt, Instant previousValidUntil) implements WebhookEndpointCommand {
    }

    /**
     * Stop delivering to the endpoint: sent by delivery when the endpoint answered 410 Gone or kept failing for too
     * long. Disabling a disabled (or deleted) endpoint records nothing.
     */
    record DisableWebhookEndpoint(@TargetAggregateIdentifier String endpointId, String tenantId,
                                  WebhookEndpointEvent.DisabledReason reason, String detail, Instant disabledAt)
            implements WebhookEndpointCommand {
    }

    /**
     * The tenant's merge patch of the endpoint (settings already checked as at registration); answered with the
     * endpoint as it is afterwards.
     */
    record ChangeWebhookEndpoint(@TargetAggregateIdentifier String endpointId, String tenantId, EndpointPatch patch,
                                 Instant changedAt) implements WebhookEndpointCommand {
    }

    /** The tenant deletes the endpoint: nothing is delivered to it from now on. */
    record DeleteWebhookEndpoint(@TargetAggregateIdentifier String endpointId, String tenantId, Instant deletedAt)
            implements WebhookEndpointCommand {
    }
}
