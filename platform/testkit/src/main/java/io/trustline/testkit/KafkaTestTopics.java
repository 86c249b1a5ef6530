package io.trustline.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.ZoneOffset;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
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

/** Reads and writes the test broker's topics the way another service or an operator would. */
public final class KafkaTestTopics {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private KafkaTestTopics() {
    }

    /**
     * Reads the topic from the beginning until the records read so far satisfy the condition, and returns
     * them (all partitions; in offset order within each). Fails after 30 s with what was read.
     */
    public static List<ConsumerRecord<String, CloudEvent>> awaitEvents(String topic,
                                                                         Predicate<List<ConsumerRecord<String, CloudEvent>>> condition) {
        List<ConsumerRecord<String, CloudEvent>> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : awaitRecords(topic, records -> condition.test(decode(records)))) {
            events.add(decode(record));
        }
        return events;
    }

    /** Like {@link #awaitEvents} for raw records, e.g. a dead-letter topic whose values need not be CloudEvents. */
    public static List<ConsumerRecord<String, byte[]>> awaitRecords(String topic,
                                                                    Predicate<List<ConsumerRecord<String, byte[]>>> condition) {
        Instant deadline = Instant.now().plus(DEFAULT_TIMEOUT);
        List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = newConsumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(5))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!condition.test(read)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("condition on " + topic + " not met within " + DEFAULT_TIMEOUT
                            + "; read " + read.size() + " records");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
        }
        return read;
    }

    /**
     * Publishes {@code data} as another Trustline service would: a binary-mode CloudEvent with the
     * tenant extension, keyed {@code tenant:subject}, JSON data with ISO dates. Returns the event.
     */
    public static CloudEvent publishEvent(String topic, String id, String type, String tenantId, String subject,
                                          Instant occurredAt, Object data) {
        CloudEvent event;
        try {
            event = CloudEventBuilder.v1()
                    .withId(id)
                    .withSource(URI.create("/trustline/test"))
                    .withType(type)
                    .withSubject(subject)
                    .withTime(occurredAt.atOffset(ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .withExtension("tenantid", tenantId)
                    .withData(JSON.writeValueAsBytes(data))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + data, e);
        }
        publish(topic, tenantId + ":" + subject, event);
        return event;
    }

    /** Publishes a CloudEvent in binary mode, as the platform's relay does. */
    public static void publish(String topic, String key, CloudEvent event) {
        send(KafkaMessageFactory.createWriter(topic, key).writeBinary(event));
    }

    /** Publishes an arbitrary record, e.g. one that is not a CloudEvent at all. */
    public static void publishRaw(String topic, String key, byte[] value, List<Header> headers) {
        send(new ProducerRecord<>(topic, null, key, value, headers));
    }

    public static String header(ConsumerRecord<String, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void send(ProducerRecord<String, byte[]> record) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TrustlineInfraResource.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + record.topic(), e);
        }
    }

    private static KafkaConsumer<String, byte[]> newConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TrustlineInfraResource.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<ConsumerRecord<String, CloudEvent>> decode(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(KafkaTestTopics::decode).toList();
    }

    private static ConsumerRecord<String, CloudEvent> decode(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = new CloudEventDeserializer().deserialize(record.topic(), record.headers(), record.value());
        return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.timestampType(), record.serializedKeySize(), record.serializedValueSize(), record.key(), event,
                record.headers(), record.leaderEpoch());
    }
}
