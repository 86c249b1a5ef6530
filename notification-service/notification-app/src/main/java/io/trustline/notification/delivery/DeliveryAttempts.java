package io.trustline.notification.delivery;

import io.trustline.notification.delivery.AttemptOutcome.Answered;
import io.trustline.notification.delivery.AttemptOutcome.NoAnswer;
import io.trustline.notification.webhooks.WebhookEndpointCommand.DisableWebhookEndpoint;
import io.trustline.notification.webhooks.WebhookEndpointDetails;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * One attempt of one delivery, and everything it leads to. The outcome event is stored before the delivery's
 * document is updated: a crash in between repeats the attempt (the receiver dedupes on the event id) rather than
 * losing its record.
 */
@ApplicationScoped
class DeliveryAttempts {

    private final Clock clock = Clock.systemUTC();

    @Inject
    WebhookSender sender;
    @Inject
    WebhookDeliveries deliveries;
    @Inject
    DeliveryOutcomes outcomes;
    @Inject
    CommandGateway commands;
    @Inject
    WebhookAttemptMetrics metrics;
    private final DeliveryPolicy policy;

    @Inject
    DeliveryAttempts(WebhookDeliverySettings settings) {
        this.policy = new DeliveryPolicy(new RetrySchedule(settings.retrySchedule()), settings.disableAfter());
    }

    /**
     * Attempts the delivery; returns the endpoint's failure streak after it (null after a success), and whether the
     * endpoint was disabled, which ends this run of its queue.
     */
    Result attempt(WebhookEndpointDetails endpoint, QueuedDelivery delivery, Instant failingSince)
            throws InterruptedException {
        int attempt = delivery.attempts() + 1;
        AttemptOutcome outcome = sender.post(endpoint.endpointId(), endpoint.url(), delivery.eventId(),
                delivery.body().getBytes(StandardCharsets.UTF_8), delivery.replayId());
        Instant endedAt = clock.instant();
        DeliveryPolicy.Verdict verdict = policy.decide(outcome, attempt, endedAt, failingSince);
        metrics.attempted(delivery.eventType(), verdict.status(), outcome.latency());
        outcomes.record(event(delivery, attempt, outcome, verdict, endedAt));
        deliveries.recordAttempt(delivery, attempt, verdict, outcome, endedAt);
        verdict.disable().ifPresent(disable -> {
            commands.sendAndWait(new DisableWebhookEndpoint(delivery.endpointId(), delivery.tenantId(), disable.reason(),
                    disable.detail() + " (event " + delivery.eventType() + " " + delivery.eventId() + ", attempt " + attempt + ")",
                    endedAt));
            deliveries.markDisabled(delivery.endpointId());
        });
        Instant streak = verdict.status() == DeliveryStatus.DELIVERED ? null
                : failingSince == null ? endedAt : failingSince;
        return new Result(streak, verdict.disable().isPresent());
    }

    record Result(Instant failingSince, boolean endpointDisabled) {
    }

    private static WebhookDeliveryEvent event(QueuedDelivery delivery, int attempt, AttemptOutcome outcome,
                                              DeliveryPolicy.Verdict verdict, Instant endedAt) {
        long latencyMs = outcome.latency().toMillis();
        if (verdict.status() == DeliveryStatus.DELIVERED) {
            return new WebhookDeliveryEvent.WebhookDelivered(delivery.tenantId(), delivery.endpointId(), delivery.eventId(),
                    delivery.eventType(), delivery.clientId(), attempt, ((Answered) outcome).statusCode(), latencyMs, endedAt);
        }
        Integer status = outcome instanceof Answered answered ? answered.statusCode() : null;
        String error = outcome instanceof NoAnswer noAnswer ? noAnswer.error() : null;
        return new WebhookDeliveryEvent.WebhookDeliveryFailed(delivery.tenantId(), delivery.endpointId(),
                delivery.eventId(), delivery.eventType(), delivery.clientId(), attempt, status, error, latencyMs, endedAt,
                verdict.nextAttemptAt());
    }
}
