package io.trustline.platform.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * One subscriber's poll loop. Per record: decode the CloudEvent (a record that is none goes straight to
 * the dead-letter topic), skip an id already applied, call the handler with retries, record the id, and
 * commit the offset only after that. If the mechanism itself fails (MongoDB or Kafka unreachable), the
 * partition is rewound to the failed record and retried after a pause: an outage never turns events
 * into dead letters and never skips them.
 */
final class SubscriberLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(SubscriberLoop.class);

    private final CloudEventSubscriber subscriber;
    private final KafkaConsumer<String, byte[]> consumer;
    private final AppliedEventLog appliedEvents;
    private final DeadLetters deadLetters;
    private final SubscriberSettings settings;
    private final ObjectMapper json;
    private final CloudEventDeserializer decoder = new CloudEventDeserializer();
    private volatile boolean running = true;
    private volatile boolean polling;

    SubscriberLoop(CloudEventSubscriber subscriber, KafkaConsumer<String, byte[]> consumer, AppliedEventLog appliedEvents,
                   DeadLetters deadLetters, SubscriberSettings settings, ObjectMapper json) {
        this.subscriber = subscriber;
        this.consumer = consumer;
        this.appliedEvents = appliedEvents;
        this.deadLetters = deadLetters;
        this.settings = settings;
        this.json = json;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.copyOf(subscriber.topics()));
            while (running) {
                polling = true;
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
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
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                LOG.errorf(e, "%s could not process %s-%d@%d; will retry from there", subscriber.name(),
                        record.topic(), record.partition(), record.offset());
                consumer.seek(partition, record.offset());
                Thread.sleep(settings.pauseAfterInfrastructureFailure().toMillis());
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
        IncomingEvent event = new IncomingEvent(cloudEvent, record.topic(), json);
        Exception lastFailure = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            try {
                subscriber.handle(event);
                appliedEvents.record(subscriber.name(), event.id(), event.type());
                return;
            } catch (Exception failure) {
                lastFailure = failure;
                LOG.warnf("%s failed on %s %s (attempt %d of %d): %s", subscriber.name(), event.type(), event.id(),
                        attempt, settings.maxAttempts(), failure.toString());
                if (attempt < settings.maxAttempts()) {
                    Thread.sleep(settings.backoff(attempt).toMillis());
                }
            }
        }
        LOG.errorf(lastFailure, "%s gave up on %s %s; moved to %s%s", subscriber.name(), event.type(), event.id(),
                record.topic(), DeadLetters.SUFFIX);
        deadLetters.send(record, subscriber.name(), settings.maxAttempts(), lastFailure);
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }

    boolean isPolling() {
        return polling;
    }

    String name() {
        return subscriber.name();
    }

    static Map<String, Object> describe(Map<String, SubscriberLoop> loops) {
        Map<String, Object> status = new HashMap<>();
        for (Entry<String, SubscriberLoop> loop : loops.entrySet()) {
            status.put(loop.getKey(), loop.getValue().isPolling() ? "polling" : "stopped");
        }
        return status;
    }
}
