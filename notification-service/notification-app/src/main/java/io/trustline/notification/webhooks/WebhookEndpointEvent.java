package io.trustline.notification.webhooks;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Stored domain events of a webhook endpoint. Signing secrets are stored only sealed (AES-256-GCM with
 * {@code trustline.webhooks.secret-key}, the endpoint id as associated data) and never published.
 */
public sealed interface WebhookEndpointEvent {

    /**
     * Revision 2 added {@code sealedSecret}; a revision-1 event reads with it null (an endpoint registered before
     * deliveries were signed). Revision 3 added the optional content {@code filter} (a CEL expression) and the
     * {@code clientIds} allow-list; an older event reads with both null (every event of the subscribed types).
     * Revision 4 added the optional {@code description} and {@code backfillFrom}; an older event reads with both null
     * (no description, live events only).
     */
    @Revision("4")
    record WebhookEndpointRegistered(String endpointId, String tenantId, String url, List<String> eventTypes,
                                     Instant registeredAt, String sealedSecret, String filter, List<String> clientIds,
                                     String description, Instant backfillFrom)
            implements WebhookEndpointEvent {

        public WebhookEndpointRegistered {
            eventTypes = List.copyOf(eventTypes);
            clientIds = clientIds == null ? null : List.copyOf(clientIds);
        }
    }

    /**
     * A new signing secret replaced {@code previousSealedSecret}, which keeps signing until {@code previousValidUntil}
     * (both null when the endpoint had no secret before). The event carries the previous secret so that the signing
     * read model is a plain replace, harmless to replay.
     */
    @Revision("1")
    record WebhookEndpointSecretRotated(String endpointId, String tenantId, String sealedSecret,
                                        String previousSealedSecret, Instant previousValidUntil, Instant rotatedAt)
            implements WebhookEndpointEvent {
    }

    /**
     * The tenant changed the endpoint's settings: all of them as they are now (so the read model is a plain replace,
     * harmless to replay), and the names of those that changed ({@link EndpointSetting#jsonName()}, in that enum's
     * order).
     */
    @Revision("1")
    record WebhookEndpointUpdated(String endpointId, String tenantId, String url, List<String> eventTypes, String filter,
                                  List<String> clientIds, String description, List<String> changed, Instant updatedAt)
            implements WebhookEndpointEvent {

        public WebhookEndpointUpdated {
            eventTypes = List.copyOf(eventTypes);
            clientIds = clientIds == null ? null : List.copyOf(clientIds);
            changed = List.copyOf(changed);
        }
    }

    /** Delivery stopped until the tenant enables the endpoint again: it receives nothing new meanwhile. */
    @Revision("1")
    record WebhookEndpointDisabled(String endpointId, String tenantId, DisabledReason reason, String detail,
                                   Instant disabledAt) implements WebhookEndpointEvent {
    }

    /** The tenant enabled a disabled endpoint; {@code previousReason} is why it had been disabled. */
    @Revision("1")
    record WebhookEndpointEnabled(String endpointId, String tenantId, DisabledReason previousReason, Instant enabledAt)
            implements WebhookEndpointEvent {
    }

    /** The tenant deleted the endpoint: its last event. */
    @Revision("1")
    record WebhookEndpointDeleted(String endpointId, String tenantId, Instant deletedAt) implements WebhookEndpointEvent {
    }

    /** Why an endpoint was disabled. */
    enum DisabledReason {
        /** It answered 410 Gone. */
        GONE,
        /** Every attempt failed for longer than {@code trustline.webhooks.delivery.disable-after}. */
        FAILING_TOO_LONG,
        /** Its tenant disabled it. */
        DISABLED_BY_TENANT
    }
}
