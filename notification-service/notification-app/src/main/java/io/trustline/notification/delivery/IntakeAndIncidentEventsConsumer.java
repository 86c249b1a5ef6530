package io.trustline.notification.delivery;

import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.trustline.incident.api.IncidentTopics;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.notification.signing.WebhookSigner;
import io.trustline.notification.webhooks.WebhookEndpointDetails;
import io.trustline.notification.webhooks.WebhookEndpointsProjection;
import io.trustline.platform.consumer.CloudEventSubscriber;
import io.trustline.platform.consumer.IncomingEvent;
import io.trustline.platform.failure.ThirdPartyFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Webhook delivery: POSTs each intake and incident event to the endpoints of its tenant that subscribed
 * to its type, as a structured-mode CloudEvent. A refused or unreachable endpoint is a partner's failure,
 * not our outage ({@link ThirdPartyFailure}): it fails the event, which the platform retries a few times
 * and then dead-letters; a retry may reach endpoints that already got it, and receivers dedupe on the id.
 */
@ApplicationScoped
public class IntakeAndIncidentEventsConsumer implements CloudEventSubscriber {

    private static final EventFormat STRUCTURED = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Clock clock = Clock.systemUTC();

    @Inject
    WebhookEndpointsProjection endpoints;
    @Inject
    WebhookSigner signer;

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
    public void handle(IncomingEvent event) throws InterruptedException {
        byte[] body = STRUCTURED.serialize(event.cloudEvent());
        for (WebhookEndpointDetails endpoint : endpoints.subscribedTo(event.tenantId(), event.type())) {
            deliver(endpoint, event, body);
        }
    }

    private void deliver(WebhookEndpointDetails endpoint, IncomingEvent event, byte[] body) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", JsonFormat.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        // signed per attempt: a retry keeps the webhook-id (the event id) with a fresh timestamp and signature
        signer.headers(endpoint.endpointId(), event.id(), clock.instant(), body).forEach(request::header);
        HttpResponse<Void> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException unreachable) {
            throw new ThirdPartyFailure("webhook " + endpoint.endpointId() + " could not be reached with "
                    + event.type() + " " + event.id(), unreachable);
        }
        if (response.statusCode() / 100 != 2) {
            throw new ThirdPartyFailure("webhook " + endpoint.endpointId() + " answered " + response.statusCode()
                    + " to " + event.type() + " " + event.id());
        }
    }
}
