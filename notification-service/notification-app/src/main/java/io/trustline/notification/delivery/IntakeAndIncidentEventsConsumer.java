package io.trustline.notification.delivery;

import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.trustline.incident.api.IncidentTopics;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.notification.webhooks.WebhookEndpointDetails;
import io.trustline.notification.webhooks.WebhookEndpointsProjection;
import io.trustline.platform.consumer.CloudEventSubscriber;
import io.trustline.platform.consumer.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Enqueues each intake and incident event for every enabled endpoint of its tenant subscribed to its type whose
 * client allow-list and content filter admit it ({@link EndpointFilters}), as the
 * structured-mode CloudEvent that will be POSTed; {@link WebhookDispatcher} delivers it. Nothing here waits for a
 * partner, so a failing endpoint holds up neither the topic nor the other endpoints.
 */
@ApplicationScoped
public class IntakeAndIncidentEventsConsumer implements CloudEventSubscriber {

    private static final EventFormat STRUCTURED = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    private final Clock clock = Clock.systemUTC();

    @Inject
    WebhookEndpointsProjection endpoints;
    @Inject
    WebhookDeliveries deliveries;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    EndpointFilters filters;

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
        Supplier<Map<String, Object>> variables = EndpointFilters.variablesOf(event);
        List<WebhookEndpointDetails> subscribed = endpoints.subscribedTo(event.tenantId(), event.type()).stream()
                .filter(endpoint -> filters.admits(endpoint, event, variables)).toList();
        if (subscribed.isEmpty()) {
            return;
        }
        String body = new String(STRUCTURED.serialize(event.cloudEvent()), StandardCharsets.UTF_8);
        Instant now = clock.instant();
        for (WebhookEndpointDetails endpoint : subscribed) {
            deliveries.enqueue(new QueuedDelivery(QueuedDelivery.idOf(endpoint.endpointId(), event.id()), event.tenantId(),
                    endpoint.endpointId(), event.id(), event.type(), event.subject(), event.time(), body, 0, now), now);
        }
        dispatcher.nudge();
    }
}
