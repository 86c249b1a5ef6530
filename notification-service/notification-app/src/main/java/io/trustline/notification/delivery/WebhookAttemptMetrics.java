package io.trustline.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.trustline.platform.metrics.PipelineMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;

/**
 * Every webhook attempt as a timer of its latency, tagged with what it came to: {@code delivered}, {@code retry} (it
 * failed and another attempt is scheduled) or {@code failed} (given up), and with the event's type — one of the
 * published types an endpoint may subscribe to, a bounded set. The timer's count per outcome is the attempt counter.
 * No endpoint, tenant or URL tag: those are per customer, and the deliveries API answers for one endpoint.
 */
@ApplicationScoped
class WebhookAttemptMetrics {

    /** Timer: one webhook POST, from sending to the answer (or to giving up waiting), by outcome. */
    static final String WEBHOOK_ATTEMPTS = "trustline.webhook.attempts";
    private static final Duration[] BUCKETS = PipelineMetrics.seconds(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30);

    private final MeterRegistry registry;

    @Inject
    WebhookAttemptMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void attempted(String eventType, DeliveryStatus status, Duration latency) {
        Timer.builder(WEBHOOK_ATTEMPTS)
                .description("Webhook attempts by outcome (delivered, retry, failed), with their latency")
                .tags("outcome", outcome(status), "event_type", eventType)
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(latency);
    }

    private static String outcome(DeliveryStatus status) {
        return status == DeliveryStatus.PENDING ? "retry" : status.name().toLowerCase(Locale.ROOT);
    }
}
