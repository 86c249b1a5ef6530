package io.trustline.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import io.trustline.platform.json.TrustlineJson;
import io.trustline.testkit.golden.GoldenExample;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads and writes the test broker's topics ({@link TrustlineInfraResource#kafkaBootstrapServers()}) the
 * way another service or an operator would.
 */
public final class KafkaTestTopics {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = TrustlineJson.newObjectMapper();

    private KafkaTestTopics() {
    }

    /** {@link #awaitEvents(String, Predicate, Duration)} within {@link #DEFAULT_TIMEOUT}. */
    public static List<ConsumerRecord<String, CloudEvent>> awaitEvents(String topic,
                                                                         Predicate<List<ConsumerRecord<String, CloudEvent>>> condition) {
        return awaitEvents(topic, condition, DEFAULT_TIMEOUT);
    }

    /**
     * Reads the CloudEvents of a topic from the beginning (all partitions; offset order within each) until
     * those read so far satisfy the condition, and returns them. Records that are not CloudEvents, such
     * as a poison message, are left out; {@link #awaitRecords} shows them. Fails after the timeout.
     */
    public static List<ConsumerRecord<String, CloudEvent>> awaitEvents(String topic,
                                                                         Predicate<List<ConsumerRecord<String, CloudEvent>>> condition,
                                                                         Duration timeout) {
        return awaitEventsFrom(TrustlineInfraResource.kafkaBootstrapServers(), topic, condition, timeout);
    }

    /** As {@link #awaitEvents(String, Predicate, Duration)}, on a broker the test kit did not start. */
    public static List<ConsumerRecord<String, CloudEvent>> awaitEventsFrom(String bootstrapServers, String topic,
                                                                             Predicate<List<ConsumerRecord<String, CloudEvent>>> condition,
                                                                             Duration timeout) {
        return readUntil(bootstrapServers, topic, KafkaTestTopics::asCloudEvent, condition, timeout);
    }

    /** {@link #awaitRecords(String, Predicate, Duration)} within {@link #DEFAULT_TIMEOUT}. */
    public static List<ConsumerRecord<String, byte[]>> awaitRecords(String topic,
                                                                    Predicate<List<ConsumerRecord<String, byte[]>>> condition) {
        return awaitRecords(topic, condition, DEFAULT_TIMEOUT);
    }

    /** Like {@link #awaitEvents} for every raw record, e.g. of a dead-letter topic. */
    public static List<ConsumerRecord<String, byte[]>> awaitRecords(String topic,
                                                                    Predicate<List<ConsumerRecord<String, byte[]>>> condition,
                                                                    Duration timeout) {
        return readUntil(TrustlineInfraResource.kafkaBootstrapServers(), topic, Optional::of, condition, timeout);
    }

    /**
     * Publishes {@code data} as another Trustline service would: a binary-mode CloudEvent with the
     * tenant extension, keyed {@code tenant:subject}, JSON data with ISO dates. Returns the event.
     */
    public static CloudEvent publishEvent(String topic, String id, String type, String tenantId, String subject,
                                          Instant occurredAt, Object data) {
        return publishEvent(topic, id, type, tenantId, subject, occurredAt, json(data));
    }

    /**
     * Publishes a producer's golden example as that producer would: the golden JSON as the data, tenant,
     * subject and time taken from its {@code tenantId}, {@code clientId} and {@code occurredAt}.
     */
    public static CloudEvent publishEvent(String topic, String id, String type, GoldenExample<?> data) {
        return publishEventTo(TrustlineInfraResource.kafkaBootstrapServers(), topic, id, type, data);
    }

    /** As {@link #publishEvent(String, String, String, GoldenExample)}, to a broker the test kit did not start. */
    public static CloudEvent publishEventTo(String bootstrapServers, String topic, String id, String type,
                                            GoldenExample<?> data) {
        CloudEvent event = cloudEvent(id, type, data.text("tenantId"), data.text("clientId"), data.instant("occurredAt"),
                data.bytes());
        send(bootstrapServers, KafkaMessageFactory.createWriter(topic, data.text("tenantId") + ":" + data.text("clientId"))
                .writeBinary(event));
        return event;
    }

    private static CloudEvent publishEvent(String topic, String id, String type, String tenantId, String subject,
                                           Instant occurredAt, byte[] data) {
        CloudEvent event = cloudEvent(id, type, tenantId, subject, occurredAt, data);
        publish(topic, tenantId + ":" + subject, event);
        return event;
    }

    private static CloudEvent cloudEvent(String id, String type, String tenantId, String subject, Instant occurredAt,
                                         byte[] data) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create("/trustline/test"))
                .withType(type)
                .withSubject(subject)
                .withTime(occurredAt.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withExtension("tenantid", tenantId)
                .withData(data)
                .build();
    }

    /** Publishes a CloudEvent in binary mode, as the platform's relay does. */
    public static void publish(String topic, String key, CloudEvent event) {
        send(TrustlineInfraResource.kafkaBootstrapServers(), KafkaMessageFactory.createWriter(topic, key).writeBinary(event));
    }

    /** Publishes an arbitrary record with the given headers, e.g. one that is not a CloudEvent at all. */
    public static void publishRaw(String topic, String key, byte[] value, List<Header> headers) {
        publishRawTo(TrustlineInfraResource.kafkaBootstrapServers(), topic, key, value, headers);
    }

    /** As {@link #publishRaw(String, String, byte[], List)}, to a broker the test kit did not start. */
    public static void publishRawTo(String bootstrapServers, String topic, String key, byte[] value, List<Header> headers) {
        send(bootstrapServers, new ProducerRecord<>(topic, null, key, value, headers));
    }

    /** The last value of a header as UTF-8 text, or null when the record has no such header. */
    public static String header(ConsumerRecord<String, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** How many records the topic holds now (all partitions); 0 for a topic no one has written to. */
    public static long recordCount(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = newConsumer(TrustlineInfraResource.kafkaBootstrapServers())) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic, Instant.now().plusSeconds(60));
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            return consumer.endOffsets(partitions).entrySet().stream()
                    .mapToLong(end -> end.getValue() - beginning.get(end.getKey())).sum();
        }
    }

    private static <V> List<ConsumerRecord<String, V>> readUntil(String bootstrapServers, String topic,
                                                                 Function<ConsumerRecord<String, byte[]>, Optional<ConsumerRecord<String, V>>> convert,
                                                                 Predicate<List<ConsumerRecord<String, V>>> condition,
                                                                 Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<ConsumerRecord<String, V>> read = new ArrayList<>();
        int polled = 0;
        try (KafkaConsumer<String, byte[]> consumer = newConsumer(bootstrapServers)) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!condition.test(Collections.unmodifiableList(read))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("condition on topic " + topic + " not met within " + timeout.toSeconds()
                            + " s; read " + polled + " records, " + read.size() + " of them as asked");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    polled++;
                    convert.apply(record).ifPresent(read::add);
                }
            }
        }
        return List.copyOf(read);
    }

    /**
     * The topic's partitions, asked for again until the deadline: asking creates the topic on a broker that creates
     * topics on first use, and a broker slowed by a loaded machine can let one metadata request time out.
     */
    public static List<TopicPartition> partitionsOf(Consumer<?, ?> consumer, String topic, Instant deadline) {
        org.apache.kafka.common.errors.TimeoutException lastTimeout = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
                if (!partitions.isEmpty()) {
                    return partitions;
                }
            } catch (org.apache.kafka.common.errors.TimeoutException slowBroker) {
                lastTimeout = slowBroker;
            }
        }
        throw new AssertionError("topic " + topic + " has no partitions within the timeout", lastTimeout);
    }

    private static void send(String bootstrapServers, ProducerRecord<String, byte[]> record) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + record.topic(), e);
        }
    }

    private static KafkaConsumer<String, byte[]> newConsumer(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static Optional<ConsumerRecord<String, CloudEvent>> asCloudEvent(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = new CloudEventDeserializer().deserialize(record.topic(), record.headers(), record.value());
        } catch (CloudEventRWException notACloudEvent) {
            return Optional.empty();
        }
        return Optional.of(new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.timestampType(), record.serializedKeySize(), record.serializedValueSize(), record.key(), event,
                record.headers(), record.leaderEpoch()));
    }

    private static byte[] json(Object data) {
        try {
            return JSON.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + data, e);
        }
    }
}
