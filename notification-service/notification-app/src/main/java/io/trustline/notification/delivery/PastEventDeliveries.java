package io.trustline.notification.delivery;

import io.cloudevents.CloudEvent;
import io.trustline.notification.archive.ArchivedEvent;
import io.trustline.notification.webhooks.WebhookEndpointDetails;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Archived events sent to an endpoint: by a backfill (as the event's one delivery, so a live delivery of the same
 * event is the same one) or by a replay (a delivery of its own, marked with the replay's id).
 */
@ApplicationScoped
public class PastEventDeliveries {

    private final Clock clock = Clock.systemUTC();

    @Inject
    WebhookDeliveries deliveries;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    EndpointFilters filters;

    /** Whether the endpoint's client allow-list and content filter admit the event (its types are the caller's). */
    public boolean admits(WebhookEndpointDetails endpoint, ArchivedEvent event) {
        CloudEvent cloudEvent = event.cloudEvent();
        return filters.admits(endpoint, cloudEvent, EndpointFilters.variablesOf(cloudEvent));
    }

    /** Enqueues the event for the endpoint, unless it is enqueued already; {@code replayId} null for a backfill. */
    public void enqueue(WebhookEndpointDetails endpoint, ArchivedEvent event, String replayId) {
        Instant now = clock.instant();
        deliveries.enqueue(new QueuedDelivery(QueuedDelivery.idOf(endpoint.endpointId(), event.eventId(), replayId),
                event.tenantId(), endpoint.endpointId(), event.eventId(), event.type(), event.subject(), event.time(),
                event.body(), 0, now, replayId), now);
    }

    /** Every past event of the endpoint's backfill is enqueued: its deliveries, live ones included, may go. */
    public void backfillEnqueued(String tenantId, String endpointId) {
        deliveries.markBackfilled(endpointId, tenantId, clock.instant());
        dispatcher.nudge();
    }

    /** Looks for due deliveries now rather than at the next poll. */
    public void nudge() {
        dispatcher.nudge();
    }

    /** How many of a replay's deliveries are in each status. */
    public Map<DeliveryStatus, Long> replayProgress(String replayId) {
        return deliveries.countsOfReplay(replayId);
    }
}
