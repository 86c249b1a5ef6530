package io.trustline.notification.webhooks;

/**
 * What deliveries must follow when an endpoint comes back or goes away, fired as a CDI event by
 * {@link WebhookEndpointsProjection} while it applies the stored event (synchronously, on its processor's thread). An
 * observer that fails makes the projection apply the event again, so observers must be harmless to repeat.
 */
public sealed interface EndpointLifecycle {

    String endpointId();

    /** Enabled again; the read model already shows it enabled. */
    record Enabled(String tenantId, String endpointId) implements EndpointLifecycle {
    }

    /** Deleted; fired before the read model forgets it. */
    record Deleted(String tenantId, String endpointId) implements EndpointLifecycle {
    }
}
