package io.trustline.notification.delivery;

import io.trustline.incident.api.IncidentTopics;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.notification.archive.ArchivedEvent;
import io.trustline.notification.archive.EventArchive;
import io.trustline.notification.webhooks.WebhookEndpointDetails;
import io.trustline.notification.webhooks.WebhookEndpointsProjection;
import io.trustline.platform.consumer.CloudEventSubscriber;
import io.trustline.platform.consumer.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Keeps each intake and incident event in the {@link EventArchive} (for replays and backfills), then enqueues it for
 * every enabled endpoint of its tenant subscribed to its type whose client allow-list and content filter admit it
 * ({@link EndpointFilters}), as the structured-mode CloudEvent that will be POSTed; {@link WebhookDispatcher} delivers
 * it. Nothing here waits for a partner, so a failing endpoint holds up neither the topic nor the other endpoints.
 */
@ApplicationScoped
public class IntakeAndIncidentEventsConsumer implements CloudEventSubscriber {

    private final Clock clock = Clock.systemUTC();

    @Inject
    WebhookEndpointsProjection endpoints;
    @Inject
    WebhookDeliveries deliveries;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    EndpointFilters filters;
    @Inject
    EventArchive archive;

    @Override
    public String name() {
        // older than the class name; it is the consumer group id and the applied-event log key, so keep it
        return "webhook-delivery";
    }

    @Override
    public Set<String> topics() {
        return Set.of(IntakeTopics.EVENTS, IncidentTopics.EVENTS);
    }

    @Override
    public void handle(IncomingEvent event) {
        String body = ArchivedEvent.structured(event.cloudEvent());
        Instant now = clock.instant();
        // archived before the endpoints are read: a backfill reading the archive after its endpoint became visible
        // here then finds every event that this reading missed
        archive.record(new ArchivedEvent(event.tenantId(), event.id(), event.type(), event.subject(), event.time(), body),
                now);
        Supplier<Map<String, Object>> variables = EndpointFilters.variablesOf(event.cloudEvent());
        List<WebhookEndpointDetails> subscribed = endpoints.subscribedTo(event.tenantId(), event.type()).stream()
                .filter(endpoint -> filters.admits(endpoint, event.cloudEvent(), variables)).toList();
        if (subscribed.isEmpty()) {
            return;
        }
        for (WebhookEndpointDetails endpoint : subscribed) {
            deliveries.enqueue(new QueuedDelivery(QueuedDelivery.idOf(endpoint.endpointId(), event.id()), event.tenantId(),
                    endpoint.endpointId(), event.id(), event.type(), event.subject(), event.time(), body, 0, now, null),
                    now);
        }
        dispatcher.nudge();
    }
}
