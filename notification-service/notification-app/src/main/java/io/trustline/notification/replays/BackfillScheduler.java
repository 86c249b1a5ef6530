package io.trustline.notification.replays;

import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointDeleted;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointRegistered;
import io.trustline.platform.axon.AxonMessageHandlers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.axonframework.eventhandling.EventHandler;

/**
 * Stores the backfill of an endpoint registered with {@code backfillFrom}, from its stored registration; an upsert,
 * so reading the registration again changes nothing. Until the backfill has enqueued every past event the
 * endpoint's deliveries wait (the endpoint shows {@code backfillFrom}), so it does not matter whether this runs
 * before or after the endpoint list sees the endpoint.
 *
 * <p>An endpoint's deletion ends its unfinished replays and backfill, {@code CANCELLED}: a backfill waits for the
 * endpoint list to show its endpoint, which a deleted one never will again. Handled here, in the processor that stores
 * the backfill, so the deletion is always handled after it.
 */
@ApplicationScoped
public class BackfillScheduler implements AxonMessageHandlers {

    @Inject
    ReplayJobs jobs;
    @Inject
    ReplayWorker worker;

    @EventHandler
    void on(WebhookEndpointRegistered event) {
        if (event.backfillFrom() == null) {
            return;
        }
        jobs.scheduleBackfill(event.tenantId(), event.endpointId(), event.backfillFrom(), event.registeredAt());
        worker.nudge();
    }

    @EventHandler
    void on(WebhookEndpointDeleted event) {
        jobs.cancelUnfinished(event.endpointId(), "the webhook endpoint was deleted", event.deletedAt());
    }
}
