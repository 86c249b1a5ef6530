package io.trustline.e2e;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.rw.CloudEventRWException;
import io.restassured.path.json.JsonPath;
import io.trustline.incident.api.IncidentEventTypes;
import io.trustline.incident.api.IncidentTopics;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.local.LocalPlatform;
import io.trustline.notification.api.NotificationTopics;
import io.trustline.relationship.api.RelationshipEventTypes;
import io.trustline.relationship.api.RelationshipTopics;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.sse.SseClient;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ops team's live stream on the packaged services: an SSE client on notification's {@code /streams/events} sees
 * a technician's and an account manager's work as intake, incident and relationship publish it; disconnected while
 * more happens, it reconnects with {@code Last-Event-ID} and gets exactly what it missed, then live events again.
 * What the services published is read from the four topics themselves, so the stream is compared with the log it
 * serves. A second tenant's stream, open all along, sees its own events and none of the first tenant's.
 */
@ExtendWith(SharedPlatform.class)
class LiveStreamEndToEndTest {

    private static final String TENANT = "ops-msp";
    private static final String API_KEY = SharedPlatform.apiKey(TENANT);
    private static final String OTHER_TENANT = "other-msp";
    private static final String OTHER_API_KEY = SharedPlatform.apiKey(OTHER_TENANT);
    private static final List<String> TOPICS = List.of(IntakeTopics.EVENTS, IncidentTopics.EVENTS,
            RelationshipTopics.EVENTS, NotificationTopics.EVENTS);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static LocalPlatform platform;
    private static PlatformClient ops;
    private static PlatformClient otherTenant;

    @BeforeAll
    static void startPlatform() {
        platform = SharedPlatform.platform();
        ops = new PlatformClient(platform, API_KEY);
        otherTenant = new PlatformClient(platform, OTHER_API_KEY);
    }

    @Test
    void aStreamSeesLiveEvents_getsExactlyWhatItMissedAfterReconnecting_andNothingOfAnotherTenant() throws Exception {
        String acme = uniqueClient();
        String globex = uniqueClient();
        try (SseClient otherStream = openStream(OTHER_API_KEY, Map.of())) {
            SseClient first = openStream(API_KEY, Map.of());

            // live: acme's payroll is down; the other tenant happens to have a client called acme too
            String payroll = ops.reportIssue(acme);
            String otherPayroll = otherTenant.reportIssue(acme);
            ops.incident(payroll, incident -> true);
            ops.command(payroll, "acknowledgement", "{\"by\": \"Sam Tech\"}");
            ops.command(payroll, "action-plan",
                    "{\"steps\": [\"restart the payroll VM\", \"verify the bank export\"], \"owner\": \"Sam Tech\"}");
            String review = recordMoment(acme, "meetings",
                    "{\"kind\": \"MONTHLY_REVIEW\", \"faceToFace\": true, \"attendees\": [\"Dana Office\", \"Sam Tech\"]}");
            Set<String> live = Set.of(
                    published(TENANT, IntakeEventTypes.ISSUE_REPORTED, payroll),
                    published(TENANT, IncidentEventTypes.ISSUE_ACKNOWLEDGED, payroll),
                    published(TENANT, IncidentEventTypes.ACTION_PLAN_ISSUED, payroll),
                    review);
            await().atMost(PATIENCE).until(() -> ids(first.events()).containsAll(live));
            assertThat(types(first.events())).as("live, from all three producers")
                    .contains(IntakeEventTypes.ISSUE_REPORTED, IncidentEventTypes.ACTION_PLAN_ISSUED,
                            RelationshipEventTypes.MEETING_HELD);

            first.close();
            List<SseClient.Event> beforeDisconnect = first.events();
            String lastEventId = first.lastEventId();

            // while the ops dashboard is away: acme's issue is resolved and rated, globex reports one
            ops.command(payroll, "resolution", "{\"summary\": \"payroll VM restarted; the bank export ran\"}");
            String rating = recordMoment(acme, "feedback",
                    "{\"csat\": 2, \"comment\": \"took all morning\", \"issueId\": \"" + payroll + "\"}");
            String printer = ops.reportIssue(globex);
            ops.incident(printer, incident -> true);
            ops.command(printer, "acknowledgement", "{\"by\": \"Kim Desk\"}");
            otherTenant.incident(otherPayroll, incident -> true);
            otherTenant.command(otherPayroll, "acknowledgement", "{\"by\": \"Lee Other\"}");
            Set<String> whileAway = Set.of(
                    published(TENANT, IncidentEventTypes.ISSUE_RESOLVED, payroll),
                    rating,
                    published(TENANT, IntakeEventTypes.ISSUE_REPORTED, printer),
                    published(TENANT, IncidentEventTypes.ISSUE_ACKNOWLEDGED, printer));

            try (SseClient resumed = openStream(API_KEY, Map.of("Last-Event-ID", lastEventId))) {
                // what it missed: every event of the tenant now in the log that the first connection did not get
                // (derived relationship events of the first part may have come after it left)
                await().atMost(PATIENCE).until(() -> ids(resumed.events()).containsAll(whileAway)
                        && Set.copyOf(ids(resumed.events())).equals(missedBy(beforeDisconnect)));
                List<String> caughtUp = ids(resumed.events());
                assertThat(caughtUp).as("sent after reconnecting").doesNotHaveDuplicates()
                        .doesNotContainAnyElementsOf(ids(beforeDisconnect))
                        .containsAll(whileAway);

                // live again
                ops.command(printer, "action-plan", "{\"steps\": [\"swap the toner\"], \"owner\": \"Kim Desk\"}");
                ops.command(printer, "resolution", "{\"summary\": \"toner swapped\"}");
                Set<String> liveAgain = Set.of(published(TENANT, IncidentEventTypes.ACTION_PLAN_ISSUED, printer),
                        published(TENANT, IncidentEventTypes.ISSUE_RESOLVED, printer));
                await().atMost(PATIENCE).until(() -> ids(resumed.events()).containsAll(liveAgain)
                        && Set.copyOf(ids(resumed.events())).equals(missedBy(beforeDisconnect)));

                List<String> seen = new ArrayList<>(ids(beforeDisconnect));
                seen.addAll(ids(resumed.events()));
                assertThat(seen).as("both connections together: each event of the tenant's log once")
                        .doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(tenantLog(TENANT).keySet());
            }

            Set<String> otherTenantsEvents = Set.of(published(OTHER_TENANT, IntakeEventTypes.ISSUE_REPORTED, otherPayroll),
                    published(OTHER_TENANT, IncidentEventTypes.ISSUE_ACKNOWLEDGED, otherPayroll));
            await().atMost(PATIENCE).until(() -> ids(otherStream.events()).containsAll(otherTenantsEvents)
                    && Set.copyOf(ids(otherStream.events())).equals(tenantLog(OTHER_TENANT).keySet()));
            assertThat(otherStream.events()).as("the other tenant's stream, open all along")
                    .allSatisfy(event -> assertThat(JsonPath.from(event.data()).getString("tenantid"))
                            .isEqualTo(OTHER_TENANT));
            assertThat(ids(otherStream.events())).doesNotHaveDuplicates()
                    .doesNotContainAnyElementsOf(tenantLog(TENANT).keySet());
        }
    }

    /** Opens a stream and waits for its opening comment: from then on it has a position and misses nothing. */
    private static SseClient openStream(String apiKey, Map<String, String> headers) throws Exception {
        SseClient stream = SseClient.open(URI.create(ops.url("notification") + "/streams/events"), apiKey, headers);
        await().atMost(PATIENCE).until(() -> stream.comments().contains("live stream open"));
        return stream;
    }

    /** Records an account manager's moment with a client over relationship's API; returns its event id. */
    private static String recordMoment(String clientId, String moment, String body) {
        return given().spec(ops.json()).baseUri(ops.url("relationship")).body(body)
                .when().post("/clients/" + clientId + "/" + moment)
                .then().statusCode(201).extract().path("eventId");
    }

    /** The id of the issue's event of that type once it is on its topic. */
    private static String published(String tenant, String type, String issueId) {
        return await().atMost(PATIENCE).until(() -> tenantLog(tenant).values().stream()
                        .filter(event -> type.equals(event.getType())
                                && issueId.equals(PlatformClient.data(event).getString("issueId")))
                        .map(CloudEvent::getId).findFirst(),
                found -> found.isPresent()).orElseThrow();
    }

    /** The first tenant's events in the log now that the first connection did not get. */
    private static Set<String> missedBy(List<SseClient.Event> firstConnection) {
        Set<String> missed = new HashSet<>(tenantLog(TENANT).keySet());
        ids(firstConnection).forEach(missed::remove);
        return missed;
    }

    /** Every event of the tenant (its {@code tenantid}) on the four topics as they are now, by CloudEvent id. */
    private static Map<String, CloudEvent> tenantLog(String tenant) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-log-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = TOPICS.stream()
                    .flatMap(topic -> KafkaTestTopics.partitionsOf(consumer, topic, Instant.now().plusSeconds(60)).stream())
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<String, CloudEvent> events = new LinkedHashMap<>();
            CloudEventDeserializer cloudEvents = new CloudEventDeserializer();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    CloudEvent event;
                    try {
                        event = cloudEvents.deserialize(record.topic(), record.headers(), record.value());
                    } catch (CloudEventRWException notACloudEvent) {
                        // the shared platform's topics hold other classes' records, a malformed one among them
                        continue;
                    }
                    if (tenant.equals(event.getExtension("tenantid"))) {
                        events.put(event.getId(), event);
                    }
                }
            }
            return events;
        }
    }

    private static List<String> ids(List<SseClient.Event> events) {
        return events.stream().map(event -> JsonPath.from(event.data()).getString("id")).toList();
    }

    private static Set<String> types(List<SseClient.Event> events) {
        return events.stream().map(SseClient.Event::event).collect(Collectors.toSet());
    }
}
