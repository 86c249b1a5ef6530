package io.trustline.notification.ops;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.trustline.intake.api.ExpectationSet;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IssueReported;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.golden.GoldenExample;
import io.trustline.testkit.golden.GoldenJson;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A topic of its own with events on chosen partitions, and consumer groups whose committed offsets it sets with a
 * plain KafkaConsumer, as a Trustline subscriber that stopped there would have left them.
 */
final class LaggingGroupFixture implements AutoCloseable {

    final String topic = "trustline.opslag-test." + UUID.randomUUID();
    private final String bootstrapServers = TrustlineInfraResource.kafkaBootstrapServers();
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(), new ByteArraySerializer());

    LaggingGroupFixture(int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create " + topic, e);
        }
    }

    /** A group id as a Trustline service's subscriber would have it, unique to the test. */
    static String trustlineGroup() {
        return "trustline-opslagtest-" + UUID.randomUUID().toString().substring(0, 8);
    }

    void issueReported(int partition, String tenantId, String clientId, Instant occurredAt) {
        publish(partition, IntakeEventTypes.ISSUE_REPORTED, GoldenJson.exampleOfIssue(IssueReported.class, tenantId,
                clientId, UUID.randomUUID().toString()).with("occurredAt", occurredAt));
    }

    void expectationSet(int partition, String tenantId, String clientId, Instant occurredAt) {
        publish(partition, IntakeEventTypes.EXPECTATION_SET, GoldenJson.exampleOfIssue(ExpectationSet.class, tenantId,
                clientId, UUID.randomUUID().toString()).with("occurredAt", occurredAt));
    }

    /** Publishes the golden example to the partition as its producer would, CloudEvent time from its occurredAt. */
    private void publish(int partition, String type, GoldenExample<?> data) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create("/intake"))
                .withType(type)
                .withSubject(data.text("clientId"))
                .withTime(data.instant("occurredAt").atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withExtension("tenantid", data.text("tenantId"))
                .withData(data.bytes())
                .build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory
                .createWriter(topic, partition, data.text("tenantId") + ":" + data.text("clientId"))
                .writeBinary(event);
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    /** Commits the group's offsets (partition → next offset to apply), and leaves the group without a member. */
    void commit(String groupId, Map<Integer, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> committed.put(new TopicPartition(topic, partition), new OffsetAndMetadata(offset)));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(committed.keySet());
            consumer.commitSync(committed, Duration.ofSeconds(30));
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
