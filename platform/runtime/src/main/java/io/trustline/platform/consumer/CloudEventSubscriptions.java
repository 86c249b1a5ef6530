package io.trustline.platform.consumer;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.trustline.platform.json.TrustlineJson;
import io.trustline.platform.kafka.KafkaClients;
import io.trustline.platform.metrics.PipelineMetrics;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Starts one {@link SubscriberLoop} thread per {@link CloudEventSubscriber} bean after Axon has started,
 * and stops them first on shutdown. Ready when every loop is consuming: a loop stopped by a failure, or
 * waiting out an infrastructure outage, makes the service not ready and says why.
 */
@ApplicationScoped
@Readiness
public class CloudEventSubscriptions implements HealthCheck {

    private final Map<String, SubscriberLoop> loops = new LinkedHashMap<>();
    private final Map<String, Thread> threads = new LinkedHashMap<>();

    @Inject
    Instance<CloudEventSubscriber> subscribers;
    @Inject
    KafkaClients kafka;
    @Inject
    AppliedEventLog appliedEvents;
    @Inject
    DeadLetters deadLetters;
    @Inject
    SubscriberSettings settings;
    @Inject
    PipelineMetrics metrics;

    void start(@Observes @Priority(200) StartupEvent event) {
        for (CloudEventSubscriber subscriber : subscribers) {
            SubscriberLoop loop = new SubscriberLoop(subscriber,
                    kafka.newConsumer(subscriber.name(), settings.maxPollRecords()),
                    appliedEvents, deadLetters, settings, TrustlineJson.newObjectMapper(), Clock.systemUTC(), metrics);
            Thread thread = new Thread(loop, kafka.consumerGroup(subscriber.name()));
            loops.put(subscriber.name(), loop);
            threads.put(subscriber.name(), thread);
            thread.start();
        }
    }

    void stop(@Observes @Priority(50) ShutdownEvent event) throws InterruptedException {
        loops.values().forEach(SubscriberLoop::stop);
        for (Thread thread : threads.values()) {
            thread.join(5_000);
            if (thread.isAlive()) {
                // still backing off between attempts: the record stays uncommitted and is redelivered
                thread.interrupt();
                thread.join(5_000);
            }
        }
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-subscribers").up();
        for (SubscriberLoop loop : loops.values()) {
            SubscriberStatus status = loop.status();
            response.withData(loop.name(), status.toString());
            if (!status.healthy()) {
                response.down();
            }
        }
        return response.build();
    }
}
