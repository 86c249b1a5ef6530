package io.trustline.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The event pipeline's meters, the same in every service: events appended to the event store, relayed to Kafka,
 * consumed by each subscriber and dead-lettered; how long the relay and the deadlines take; how far each subscriber
 * is behind. The names are a contract with the dashboards ({@code deploy/grafana/trustline.json}): change one and
 * the dashboard test fails. Tags name code-defined things only (event type, topic, subscriber, outcome, deadline),
 * never a tenant, client or id, so the number of series stays bounded. Every meter also carries {@code service}
 * ({@link MetricsSetup}).
 */
@ApplicationScoped
public class PipelineMetrics {

    /** Counter: events stored by the event store, by the domain event's type (its record's simple name). */
    public static final String EVENTS_APPENDED = "trustline.events.appended";
    /** Counter: events the outbox relay published and Kafka acknowledged, by topic and CloudEvent type. */
    public static final String EVENTS_RELAYED = "trustline.events.relayed";
    /** Timer: from an event's append (the stored event's timestamp) to Kafka's acknowledgement of it, by topic. */
    public static final String RELAY_LAG = "trustline.relay.lag";
    /** Counter: records a subscriber finished with, by subscriber, topic and {@link ConsumeOutcome}. */
    public static final String EVENTS_CONSUMED = "trustline.events.consumed";
    /** Counter: records moved to {@code <topic>.dlq}, by subscriber and the topic they came from. */
    public static final String EVENTS_DEAD_LETTERED = "trustline.events.dead_lettered";
    /** Gauge: records on a topic not yet read by this instance's subscriber (end offset minus position). */
    public static final String CONSUMER_LAG = "trustline.consumer.lag";
    /** Timer: from a deadline's due instant to the moment its handler runs, by deadline name. */
    public static final String DEADLINE_FIRING_LAG = "trustline.deadline.firing.lag";

    /** How a subscriber finished with a record. */
    public enum ConsumeOutcome {
        /** Handled and recorded as applied. */
        APPLIED,
        /** Its event id was applied before (a redelivery); skipped. */
        DUPLICATE,
        /** Not a CloudEvent, or its handler failed every attempt; moved to the dead-letter topic. */
        DEAD_LETTERED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final Duration[] RELAY_BUCKETS = seconds(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300);
    private static final Duration[] DEADLINE_BUCKETS = seconds(1, 5, 10, 15, 30, 60, 120, 300, 900, 3600);

    private final MeterRegistry registry;

    @Inject
    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void appended(String domainEventType) {
        Counter.builder(EVENTS_APPENDED)
                .description("Events stored in the service's event store")
                .tag("event_type", domainEventType)
                .register(registry).increment();
    }

    public void relayed(String topic, String eventType, Duration sinceAppend) {
        Counter.builder(EVENTS_RELAYED)
                .description("Events published to Kafka by the outbox relay and acknowledged")
                .tags("topic", topic, "event_type", eventType)
                .register(registry).increment();
        Timer.builder(RELAY_LAG)
                .description("Time from an event's append to Kafka's acknowledgement of its publication")
                .tag("topic", topic)
                .serviceLevelObjectives(RELAY_BUCKETS)
                .register(registry).record(nonNegative(sinceAppend));
    }

    public void consumed(String subscriber, String topic, ConsumeOutcome outcome) {
        Counter.builder(EVENTS_CONSUMED)
                .description("Records a subscriber finished with: applied, skipped as a duplicate, or dead-lettered")
                .tags("subscriber", subscriber, "topic", topic, "outcome", outcome.tag())
                .register(registry).increment();
    }

    public void deadLettered(String subscriber, String topic) {
        Counter.builder(EVENTS_DEAD_LETTERED)
                .description("Records moved to <topic>.dlq")
                .tags("subscriber", subscriber, "topic", topic)
                .register(registry).increment();
    }

    /** Registers the subscriber's lag on one topic; the caller keeps the returned value up to date. */
    public AtomicLong consumerLag(String subscriber, String topic) {
        AtomicLong lag = new AtomicLong();
        Gauge.builder(CONSUMER_LAG, lag, AtomicLong::get)
                .description("Records on the topic not yet read by this instance's subscriber")
                .baseUnit("records")
                .strongReference(true)
                .tags("subscriber", subscriber, "topic", topic)
                .register(registry);
        return lag;
    }

    public void deadlineFired(String deadlineName, Duration afterDue) {
        Timer.builder(DEADLINE_FIRING_LAG)
                .description("Time from a deadline's due instant to its handler running")
                .tag("deadline", deadlineName)
                .serviceLevelObjectives(DEADLINE_BUCKETS)
                .register(registry).record(nonNegative(afterDue));
    }

    private static Duration nonNegative(Duration duration) {
        // clocks of the stored timestamp and of this host may differ slightly
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    /** Bucket bounds in seconds, for a timer's {@code serviceLevelObjectives}. */
    public static Duration[] seconds(double... bounds) {
        Duration[] durations = new Duration[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            durations[i] = Duration.ofNanos((long) (bounds[i] * 1_000_000_000L));
        }
        return durations;
    }
}
