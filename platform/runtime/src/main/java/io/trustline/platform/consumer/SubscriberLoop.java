package io.trustline.platform.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.trustline.platform.failure.FailureKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * One subscriber's poll loop. Per record: decode the CloudEvent (a record that is none goes straight to
 * the dead-letter topic), skip an id already applied, call the handler, record the id, and commit the
 * offset only after that.
 *
 * <p>A failure is classified once, by {@link FailureKind}. An {@linkplain FailureKind#INFRASTRUCTURE
 * outage} (MongoDB, Kafka, a downstream service, a timeout) — or any failure of this mechanism itself —
 * rewinds the partition to the failed record and pauses it, with a growing pause, for as long as the
 * outage lasts; the loop keeps polling so the consumer stays in its group, and readiness reports the
 * outage. Only a failure that the same input will cause again goes through {@code maxAttempts} and then
 * to {@code <topic>.dlq}. An outage therefore never dead-letters an event and never skips one.
 */
final class SubscriberLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(SubscriberLoop.class);
    private static final Duration MAX_POLL_WAIT = Duration.ofMillis(500);

    private final CloudEventSubscriber subscriber;
    private final KafkaConsumer<String, byte[]> consumer;
    private final AppliedEventLog appliedEvents;
    private final DeadLetters deadLetters;
    private final SubscriberSettings settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final CloudEventDeserializer decoder = new CloudEventDeserializer();
    private final Map<TopicPartition, Instant> pausedUntil = new HashMap<>();
    private volatile boolean running = true;
    private volatile boolean polling;
    private volatile Outage outage;

    SubscriberLoop(CloudEventSubscriber subscriber, KafkaConsumer<String, byte[]> consumer, AppliedEventLog appliedEvents,
                   DeadLetters deadLetters, SubscriberSettings settings, ObjectMapper json, Clock clock) {
        this.subscriber = subscriber;
        this.consumer = consumer;
        this.appliedEvents = appliedEvents;
        this.deadLetters = deadLetters;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.copyOf(subscriber.topics()), new ForgetPausesOfRevokedPartitions());
            while (running) {
                resumeDuePartitions();
                polling = true;
                ConsumerRecords<String, byte[]> records = consumer.poll(pollWait());
                for (TopicPartition partition : records.partitions()) {
                    processPartition(partition, records.records(partition));
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the service reports not ready from now on; an operator restarts it
            LOG.errorf(e, "%s stopped consuming", subscriber.name());
            throw e;
        } finally {
            polling = false;
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void processPartition(TopicPartition partition, List<ConsumerRecord<String, byte[]>> records)
            throws InterruptedException {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (!running) {
                return;
            }
            try {
                process(record);
                consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
                recovered();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                pauseAt(partition, record, e);
                return;
            }
        }
    }

    private void process(ConsumerRecord<String, byte[]> record) throws Exception {
        CloudEvent cloudEvent;
        try {
            cloudEvent = decoder.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException notACloudEvent) {
            LOG.warnf("%s-%d@%d is not a CloudEvent; moved to %s%s", record.topic(), record.partition(), record.offset(),
                    record.topic(), DeadLetters.SUFFIX);
            deadLetters.send(record, subscriber.name(), 1, notACloudEvent);
            return;
        }
        if (appliedEvents.contains(subscriber.name(), cloudEvent.getId())) {
            return;
        }
        IncomingEvent event = new IncomingEvent(cloudEvent, json);
        Exception lastFailure = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            try {
                subscriber.handle(event);
                appliedEvents.record(subscriber.name(), event.id(), event.type());
                return;
            } catch (Exception failure) {
                if (FailureKind.of(failure) == FailureKind.INFRASTRUCTURE) {
                    throw failure;
                }
                lastFailure = failure;
                LOG.warnf("%s failed on %s %s (attempt %d of %d): %s", subscriber.name(), event.type(), event.id(),
                        attempt, settings.maxAttempts(), failure.toString());
                if (attempt < settings.maxAttempts()) {
                    Thread.sleep(settings.backoff(attempt).toMillis());
                }
            }
        }
        LOG.errorf(lastFailure, "%s gave up on %s %s: it fails the same way every time; moved to %s%s",
                subscriber.name(), event.type(), event.id(), record.topic(), DeadLetters.SUFFIX);
        deadLetters.send(record, subscriber.name(), settings.maxAttempts(), lastFailure);
    }

    /** Rewinds to the failed record and leaves the partition alone until the pause is over. */
    private void pauseAt(TopicPartition partition, ConsumerRecord<String, byte[]> record, Exception failure) {
        if (!consumer.assignment().contains(partition)) {
            // the group moved it to another instance while we failed; that one starts from the committed offset
            return;
        }
        Outage current = outage == null ? new Outage(clock.instant(), 1, describe(failure)) : outage.again(describe(failure));
        outage = current;
        Duration pause = settings.pauseAfterInfrastructureFailure(current.failures());
        consumer.seek(partition, record.offset());
        consumer.pause(Set.of(partition));
        pausedUntil.put(partition, clock.instant().plus(pause));
        if (current.failures() == 1) {
            LOG.errorf(failure, "%s cannot process %s-%d@%d: infrastructure unavailable; pausing the partition and "
                    + "retrying until it is back (nothing is dead-lettered)", subscriber.name(), record.topic(),
                    record.partition(), record.offset());
        } else {
            LOG.warnf("%s still waiting for infrastructure since %s (%d failures), next try in %d ms: %s",
                    subscriber.name(), current.since(), current.failures(), pause.toMillis(), current.reason());
        }
    }

    private void recovered() {
        Outage ended = outage;
        if (ended != null && pausedUntil.isEmpty()) {
            outage = null;
            LOG.infof("%s is consuming again after an outage of %d ms (%d failures)", subscriber.name(),
                    Duration.between(ended.since(), clock.instant()).toMillis(), ended.failures());
        }
    }

    private void resumeDuePartitions() {
        Instant now = clock.instant();
        List<TopicPartition> due = pausedUntil.entrySet().stream()
                .filter(paused -> !paused.getValue().isAfter(now))
                .map(Map.Entry::getKey)
                .toList();
        if (!due.isEmpty()) {
            due.forEach(pausedUntil::remove);
            consumer.resume(due);
        }
    }

    private Duration pollWait() {
        Instant now = clock.instant();
        return pausedUntil.values().stream()
                .map(until -> Duration.between(now, until))
                .filter(wait -> wait.compareTo(MAX_POLL_WAIT) < 0)
                .map(wait -> wait.isNegative() ? Duration.ZERO : wait)
                .min(Duration::compareTo)
                .orElse(MAX_POLL_WAIT);
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? failure.toString() : failure.getClass().getSimpleName() + " caused by " + root;
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }

    /** What readiness shows: polling, waiting out an outage (since when, why), or stopped. */
    SubscriberStatus status() {
        Outage current = outage;
        if (!polling) {
            return SubscriberStatus.stopped();
        }
        return current == null ? SubscriberStatus.consuming()
                : SubscriberStatus.waitingForInfrastructure(current.since(), current.failures(), current.reason());
    }

    String name() {
        return subscriber.name();
    }

    private record Outage(Instant since, int failures, String reason) {

        Outage again(String latestReason) {
            return new Outage(since, failures + 1, latestReason);
        }
    }

    private final class ForgetPausesOfRevokedPartitions implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            pausedUntil.keySet().removeAll(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // a newly assigned partition starts unpaused from its committed offset
        }
    }
}
