package io.trustline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.trustline.incident.api.IncidentEventTypes;
import io.trustline.incident.api.IncidentTopics;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.relationship.scoring.ClientEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Synthetic client histories of the catalog events the scored timeline consumes, published as their producers
 * would (the golden examples of intake-api and incident-api with the benchmark's ids and times, binary-mode
 * CloudEvents keyed {@code tenant:client}), and the same histories as the scoring engine's input.
 *
 * <p>A client's history is a run of issues, one every {@link #ISSUE_EVERY}, ending about now; each issue is five
 * events, the golden story's timing: reported, expectation set (STOPPED for EVERYONE, resolve by the next day),
 * acknowledged after 6 min 40 s, action plan after 37 min, resolved after 2 h 37 min. A history of N events is
 * the first N of them (the last issue may be cut short).
 */
final class CatalogHistories implements AutoCloseable {

    static final Duration ISSUE_EVERY = Duration.ofHours(6);
    private static final int EVENTS_PER_ISSUE = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event of a history: what is published, and what the engine reads. */
    record Planned(String topic, String type, String eventId, Instant occurredAt, String issueId, int step) {

        ClientEvent clientEvent() {
            return switch (step) {
                case 0 -> new ClientEvent.IssueReported(eventId, occurredAt, issueId);
                case 1 -> new ClientEvent.ExpectationSet(eventId, occurredAt, issueId, ClientEvent.Scope.EVERYONE,
                        ClientEvent.Impact.STOPPED, resolveBy(occurredAt));
                case 2 -> new ClientEvent.IssueAcknowledged(eventId, occurredAt, issueId);
                case 3 -> new ClientEvent.ActionPlanIssued(eventId, occurredAt, issueId);
                default -> new ClientEvent.IssueResolved(eventId, occurredAt, issueId);
            };
        }
    }

    private static final String[] TOPICS = {IntakeTopics.EVENTS, IntakeTopics.EVENTS, IncidentTopics.EVENTS,
            IncidentTopics.EVENTS, IncidentTopics.EVENTS};
    private static final String[] TYPES = {IntakeEventTypes.ISSUE_REPORTED, IntakeEventTypes.EXPECTATION_SET,
            IncidentEventTypes.ISSUE_ACKNOWLEDGED, IncidentEventTypes.ACTION_PLAN_ISSUED, IncidentEventTypes.ISSUE_RESOLVED};
    private static final String[] GOLDEN = {"IssueReported", "ExpectationSet", "IssueAcknowledged", "ActionPlanIssued",
            "IssueResolved"};
    private static final Duration[] AFTER_REPORT = {Duration.ZERO, Duration.ofSeconds(390), Duration.ofSeconds(400),
            Duration.ofMinutes(37), Duration.ofMinutes(157)};

    private final String tenantId;
    private final KafkaProducer<String, byte[]> producer;
    private final ObjectNode[] golden = new ObjectNode[GOLDEN.length];
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    CatalogHistories(String bootstrap, String tenantId) {
        this.tenantId = tenantId;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
        for (int i = 0; i < GOLDEN.length; i++) {
            golden[i] = golden(GOLDEN[i]);
        }
    }

    /** The first {@code events} events of a history whose issues end about {@code end}, oldest first. */
    static List<Planned> history(int events, Instant end) {
        int issues = (events + EVENTS_PER_ISSUE - 1) / EVENTS_PER_ISSUE;
        Instant first = end.minus(ISSUE_EVERY.multipliedBy(issues));
        List<Planned> planned = new ArrayList<>(events);
        for (int issue = 0; issue < issues && planned.size() < events; issue++) {
            String issueId = UUID.randomUUID().toString();
            Instant reportedAt = first.plus(ISSUE_EVERY.multipliedBy(issue));
            for (int step = 0; step < EVENTS_PER_ISSUE && planned.size() < events; step++) {
                planned.add(new Planned(TOPICS[step], TYPES[step], UUID.randomUUID().toString(),
                        reportedAt.plus(AFTER_REPORT[step]), issueId, step));
            }
        }
        return planned;
    }

    void publish(String clientId, Planned event) {
        ObjectNode data = golden[event.step()].deepCopy().put("tenantId", tenantId).put("clientId", clientId)
                .put("issueId", event.issueId()).put("occurredAt", event.occurredAt().toString());
        if (event.step() == 1) {
            ((ObjectNode) data.at("/expectation/when")).put("resolveBy", resolveBy(event.occurredAt()).toString());
        }
        CloudEvent cloudEvent;
        try {
            cloudEvent = CloudEventBuilder.v1()
                    .withId(event.eventId())
                    .withSource(URI.create(event.step() < 2 ? "/trustline/intake" : "/trustline/incident"))
                    .withType(event.type())
                    .withSubject(clientId)
                    .withTime(event.occurredAt().atOffset(ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .withExtension("tenantid", tenantId)
                    .withData(JSON.writeValueAsBytes(data))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        producer.send(KafkaMessageFactory.createWriter(event.topic(), tenantId + ":" + clientId).writeBinary(cloudEvent),
                (metadata, sendFailure) -> {
                    if (sendFailure != null) {
                        failure.compareAndSet(null, sendFailure);
                    }
                });
    }

    /** Waits until every event sent so far is on the broker; throws if one could not be published. */
    void flush() {
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("a catalog event could not be published", failure.get());
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    private static Instant resolveBy(Instant expectationSetAt) {
        return expectationSetAt.plus(Duration.ofDays(1));
    }

    private static ObjectNode golden(String event) {
        String resource = "/golden/" + event + ".v1.json";
        try (InputStream in = CatalogHistories.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing: the intake-api and incident-api test jars must "
                        + "be on the classpath");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
