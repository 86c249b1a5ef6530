package io.trustline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes intake's events straight to its topic, as intake would: its golden examples (from the intake-api
 * test jar) with the benchmark's ids and times, as binary-mode CloudEvents keyed {@code tenant:client}.
 */
final class IntakeEvents implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tenantId;
    private final KafkaProducer<String, byte[]> producer;
    private final ObjectNode issueReported = golden("IssueReported");
    private final ObjectNode expectationSet = golden("ExpectationSet");
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    IntakeEvents(String bootstrap, String tenantId) {
        this.tenantId = tenantId;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * An issue reported at {@code reportedAt} and, under the same key so it arrives after it, its expectation
     * (the golden one: STOPPED for EVERYONE) with the client's own {@code resolveBy}.
     */
    void reportIssue(String clientId, String issueId, Instant reportedAt, Instant resolveBy) {
        ObjectNode reported = issueReported.deepCopy().put("tenantId", tenantId).put("clientId", clientId)
                .put("issueId", issueId).put("occurredAt", reportedAt.toString());
        ObjectNode expectation = expectationSet.deepCopy().put("tenantId", tenantId).put("clientId", clientId)
                .put("issueId", issueId).put("occurredAt", reportedAt.toString());
        ((ObjectNode) expectation.at("/expectation/when")).put("resolveBy", resolveBy.toString());
        send(IntakeEventTypes.ISSUE_REPORTED, clientId, reportedAt, reported);
        send(IntakeEventTypes.EXPECTATION_SET, clientId, reportedAt, expectation);
    }

    /** Waits until every event sent so far is on the broker; throws if one could not be published. */
    void flush() {
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("an intake event could not be published", failure.get());
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    private void send(String type, String clientId, Instant occurredAt, ObjectNode data) {
        CloudEvent event;
        try {
            event = CloudEventBuilder.v1()
                    .withId(UUID.randomUUID().toString())
                    .withSource(URI.create("/trustline/intake"))
                    .withType(type)
                    .withSubject(clientId)
                    .withTime(occurredAt.atOffset(ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .withExtension("tenantid", tenantId)
                    .withData(JSON.writeValueAsBytes(data))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        producer.send(KafkaMessageFactory.createWriter(IntakeTopics.EVENTS, tenantId + ":" + clientId).writeBinary(event),
                (metadata, sendFailure) -> {
                    if (sendFailure != null) {
                        failure.compareAndSet(null, sendFailure);
                    }
                });
    }

    private static ObjectNode golden(String event) {
        String resource = "/golden/" + event + ".v1.json";
        try (InputStream in = IntakeEvents.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing: the intake-api test jar must be on the classpath");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
