package io.trustline.platform.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.trustline.platform.failure.FailureKind;
import io.trustline.platform.metrics.PipelineMetrics;
import io.trustline.platform.metrics.PipelineMetrics.ConsumeOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * One subscriber's poll loop. Per record: decode the CloudEvent (a record that is none goes straight to
 * the dead-letter topic), skip an id already applied (the ids of a partition's poll are looked up together,
 * {@link AppliedInPoll}), call the handler, record the id, and commit the offset only after that.
 *
 * <p>A failure is classified once, by {@link FailureKind}. An {@linkplain FailureKind#INFRASTRUCTURE
 * outage} (MongoDB, Kafka, a timeout) — or any failure of this mechanism itself — rewinds the partition
 * to the failed record and pauses it, with a pause growing per partition, until the record succeeds; the
 * loop keeps polling so the consumer stays in its group, and readiness reports the partition held back.
 * Only a handler failure that the same input will cause again goes through {@code maxAttempts} and then
 * to {@code <topic>.dlq}. An outage therefore never dead-letters an event and never skips one, and a
 * loop asked to stop leaves a failing record uncommitted instead of dead-lettering it early.
 *
 * <p>Metrics: every record finished counts once as applied, duplicate or dead-lettered; after each poll the lag of
 * each topic (records not yet read from the partitions this instance holds) is taken from the consumer's own fetch
 * state, without asking the broker.
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
    private final PartitionPauses pauses;
    private final PipelineMetrics metrics;
    private final Map<String, AtomicLong> lagByTopic = new LinkedHashMap<>();
    private volatile boolean running = true;
    private volatile boolean polling;

    SubscriberLoop(CloudEventSubscriber subscriber, KafkaConsumer<String, byte[]> consumer, AppliedEventLog appliedEvents,
                   DeadLetters deadLetters, SubscriberSettings settings, ObjectMapper json, Clock clock,
                   PipelineMetrics metrics) {
        this.subscriber = subscriber;
        this.consumer = consumer;
        this.appliedEvents = appliedEvents;
        this.deadLetters = deadLetters;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.pauses = new PartitionPauses(settings);
        this.metrics = metrics;
        for (String topic : subscriber.topics()) {
            lagByTopic.put(topic, metrics.consumerLag(subscriber.name(), topic));
        }
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
                updateLag();
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

    /**
     * Processes the partition's records of one poll in order and commits the offset after the last one processed,
     * once: a commit per record cost a broker round trip each. A crash before the commit redelivers the records
     * processed since the last one, which the applied-event log skips.
     */
    private void processPartition(TopicPartition partition, List<ConsumerRecord<String, byte[]>> records)
            throws InterruptedException {
        long processedUpTo = -1;
        AppliedInPoll applied = null;
        try {
            for (ConsumerRecord<String, byte[]> record : records) {
                if (!running) {
                    return;
                }
                try {
                    if (applied == null) {
                        // read here, so an outage during the read pauses the partition at its first record
                        applied = AppliedInPoll.of(subscriber.name(), appliedEvents, records);
                    }
                    process(record, applied);
                    processedUpTo = record.offset();
                    pauses.unblock(partition).ifPresent(ended -> recovered(partition, ended));
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    commit(partition, processedUpTo);
                    processedUpTo = -1;
                    pauseAt(partition, record, e);
                    return;
                }
            }
        } finally {
            commit(partition, processedUpTo);
        }
    }

    private void commit(TopicPartition partition, long processedUpTo) {
        if (processedUpTo < 0) {
            return;
        }
        try {
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(processedUpTo + 1)));
        } catch (KafkaException e) {
            // offsets are cumulative: the next commit covers these records, and if none comes (the partition moved,
            // the instance stops) they are redelivered and skipped as applied
            LOG.warnf("%s could not commit %s up to offset %d: %s", subscriber.name(), partition, processedUpTo + 1,
                    e.toString());
        }
    }

    private void process(ConsumerRecord<String, byte[]> record, AppliedInPoll applied) throws Exception {
        CloudEvent cloudEvent;
        try {
            cloudEvent = decoder.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException notACloudEvent) {
            LOG.warnf("%s-%d@%d is not a CloudEvent; moved to %s%s", record.topic(), record.partition(), record.offset(),
                    record.topic(), DeadLetters.SUFFIX);
            deadLetters.send(record, subscriber.name(), 1, notACloudEvent);
            metrics.consumed(subscriber.name(), record.topic(), ConsumeOutcome.DEAD_LETTERED);
            return;
        }
        if (applied.contains(cloudEvent.getId())) {
            metrics.consumed(subscriber.name(), record.topic(), ConsumeOutcome.DUPLICATE);
            return;
        }
        IncomingEvent event = new IncomingEvent(cloudEvent, json);
        Exception lastFailure = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            try {
                subscriber.handle(event);
                applied.record(event.id(), event.type());
                metrics.consumed(subscriber.name(), record.topic(), ConsumeOutcome.APPLIED);
                return;
            } catch (InterruptedException stopping) {
                throw stopping;
            } catch (Exception failure) {
                if (FailureKind.of(failure) == FailureKind.INFRASTRUCTURE) {
                    throw failure;
                }
                if (!running) {
                    // stopping: leave the record uncommitted for the next owner rather than dead-letter it early
                    throw new InterruptedException("stopping while " + event.id() + " was failing");
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
        metrics.consumed(subscriber.name(), record.topic(), ConsumeOutcome.DEAD_LETTERED);
    }

    /** A topic none of whose partitions has a known lag yet (just assigned, nothing fetched) keeps its last value. */
    private void updateLag() {
        Map<String, Long> lags = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong lag = consumer.currentLag(partition);
            if (lag.isPresent()) {
                lags.merge(partition.topic(), lag.getAsLong(), Long::sum);
            }
        }
        lags.forEach((topic, lag) -> {
            AtomicLong gauge = lagByTopic.get(topic);
            if (gauge != null) {
                gauge.set(lag);
            }
        });
    }

    /**
     * Rewinds to the failed record and leaves the partition alone until its pause is over. An outage is
     * waited out; so is any other failure of this mechanism (the dead-letter topic refusing a record, a bug
     * here), but readiness then calls the partition blocked, not waiting, because it will not heal by itself.
     */
    private void pauseAt(TopicPartition partition, ConsumerRecord<String, byte[]> record, Exception failure) {
        if (!consumer.assignment().contains(partition)) {
            // the group moved it to another instance while we failed; that one starts from the committed offset
            pauses.forget(List.of(partition));
            return;
        }
        FailureKind kind = FailureKind.of(failure);
        PartitionPauses.Blocked blocked = pauses.block(partition, kind, describe(failure), clock.instant());
        consumer.seek(partition, record.offset());
        consumer.pause(Set.of(partition));
        String why = kind == FailureKind.INFRASTRUCTURE ? "infrastructure unavailable"
                : "a failure of the consuming mechanism itself, which will not heal by itself";
        if (blocked.failures() == 1) {
            LOG.errorf(failure, "%s cannot process %s-%d@%d: %s; pausing the partition and retrying until it "
                    + "succeeds (nothing is dead-lettered)", subscriber.name(), record.topic(), record.partition(),
                    record.offset(), why);
        } else {
            LOG.warnf("%s: %s blocked since %s (%d failures), next try in %d ms: %s", subscriber.name(), partition,
                    blocked.since(), blocked.failures(), pauses.pauseOf(blocked).toMillis(), blocked.reason());
        }
    }

    private void recovered(TopicPartition partition, PartitionPauses.Blocked ended) {
        LOG.infof("%s: %s is consuming again after %d ms blocked (%d failures)", subscriber.name(), partition,
                Duration.between(ended.since(), clock.instant()).toMillis(), ended.failures());
    }

    private void resumeDuePartitions() {
        List<TopicPartition> due = pauses.takeDue(clock.instant());
        if (!due.isEmpty()) {
            consumer.resume(due);
        }
    }

    private Duration pollWait() {
        return pauses.pollWait(clock.instant(), MAX_POLL_WAIT);
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

    /** What readiness shows: consuming, a partition held back (since when, why), or stopped. */
    SubscriberStatus status() {
        if (!polling) {
            return SubscriberStatus.stopped();
        }
        return pauses.oldest()
                .map(blocked -> blocked.kind() == FailureKind.INFRASTRUCTURE
                        ? SubscriberStatus.waitingForInfrastructure(blocked.since(), blocked.failures(), blocked.reason())
                        : SubscriberStatus.blocked(blocked.since(), blocked.failures(), blocked.reason()))
                .orElse(SubscriberStatus.consuming());
    }

    String name() {
        return subscriber.name();
    }

    private final class ForgetPausesOfRevokedPartitions implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            pauses.forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // a newly assigned partition starts unpaused from its committed offset
        }
    }
}
