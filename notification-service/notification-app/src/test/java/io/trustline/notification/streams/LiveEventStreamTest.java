package io.trustline.notification.streams;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.API_KEY_B;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static io.trustline.testkit.TestTenants.TENANT_B;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.trustline.intake.api.ExpectationSet;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.api.IssueReported;
import io.trustline.intake.api.PsaTicketLinked;
import io.trustline.notification.api.NotificationEventTypes;
import io.trustline.notification.api.NotificationTopics;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TestIds;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.golden.GoldenExample;
import io.trustline.testkit.golden.GoldenJson;
import io.trustline.testkit.sse.SseClient;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class LiveEventStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/streams/events")
    URI streamUri;
    @Inject
    LiveStreams streams;

    @Test
    void liveEvents_arriveAsStructuredCloudEvents_filteredByTypeClientSourceAndCel() throws Exception {
        List<String> clients = clientsOnOnePartition(IntakeTopics.EVENTS, 3, TENANT_A);
        String c1 = clients.get(0);
        String c2 = clients.get(1);
        String c3 = clients.get(2);
        String query = "type=" + IntakeEventTypes.ISSUE_REPORTED + "&type=" + IntakeEventTypes.EXPECTATION_SET
                + "&clientId=" + c1 + "&clientId=" + c2 + "&source=/trustline/test&filter="
                + encoded("type != \"" + IntakeEventTypes.ISSUE_REPORTED + "\" || data.priority == \"CRITICAL\"");

        try (SseClient stream = SseClient.open(uri(query), API_KEY_A)) {
            String critical = publishIssue(TENANT_A, c1, "CRITICAL");
            publishIssue(TENANT_A, c2, "LOW");
            publishIssue(TENANT_A, c3, "CRITICAL");
            publish(PsaTicketLinked.class, IntakeEventTypes.PSA_TICKET_LINKED, TENANT_A, c1);
            publishFromElsewhere(c1);
            // same partition as all of the above: when it arrives, the stream has read every one of them
            String expectation = publish(ExpectationSet.class, IntakeEventTypes.EXPECTATION_SET, TENANT_A, c2);

            await().atMost(WAIT).until(() -> ids(stream).contains(expectation));
            assertThat(ids(stream)).containsExactly(critical, expectation);
            assertThat(stream.eventNames()).containsExactly(IntakeEventTypes.ISSUE_REPORTED,
                    IntakeEventTypes.EXPECTATION_SET);
            JsonNode first = JSON.readTree(stream.events().get(0).data());
            assertThat(first.path("specversion").asText()).isEqualTo("1.0");
            assertThat(first.path("type").asText()).isEqualTo(IntakeEventTypes.ISSUE_REPORTED);
            assertThat(first.path("subject").asText()).isEqualTo(c1);
            assertThat(first.path("tenantid").asText()).isEqualTo(TENANT_A);
            assertThat(first.path("data").path("priority").asText()).isEqualTo("CRITICAL");
            assertThat(stream.events()).allSatisfy(event -> assertThat(event.id()).matches("[A-Za-z0-9_-]+"));
        }
    }

    @Test
    void reconnectingWithLastEventId_getsExactlyTheEventsMissed_acrossFilteredOutOnes_andNoRepeats() throws Exception {
        String client = TestIds.uniqueClient();
        String query = "type=" + IntakeEventTypes.ISSUE_REPORTED + "&clientId=" + client;
        String firstSeen;
        String a1;
        try (SseClient first = SseClient.open(uri(query), API_KEY_A)) {
            a1 = publishIssue(TENANT_A, client, "HIGH");
            await().atMost(WAIT).until(() -> ids(first).contains(a1));
            firstSeen = first.lastEventId();
        }
        // while the client is away; the ExpectationSets are read and left out, before and after what it missed
        publish(ExpectationSet.class, IntakeEventTypes.EXPECTATION_SET, TENANT_A, client);
        String a2 = publishIssue(TENANT_A, client, "HIGH");
        publish(ExpectationSet.class, IntakeEventTypes.EXPECTATION_SET, TENANT_A, client);
        String a3 = publishIssue(TENANT_A, client, "LOW");

        String secondSeen;
        String a4;
        try (SseClient second = SseClient.open(uri(query), API_KEY_A, Map.of("Last-Event-ID", firstSeen))) {
            await().atMost(WAIT).until(() -> ids(second).contains(a3));
            a4 = publishIssue(TENANT_A, client, "LOW");
            await().atMost(WAIT).until(() -> ids(second).contains(a4));
            assertThat(ids(second)).containsExactly(a2, a3, a4).doesNotContain(a1);
            secondSeen = second.events().get(0).id();
        }

        // the same from the query parameter, for clients that cannot set headers: after a2
        try (SseClient third = SseClient.open(uri(query + "&lastEventId=" + secondSeen), API_KEY_A)) {
            String a5 = publishIssue(TENANT_A, client, "LOW");
            await().atMost(WAIT).until(() -> ids(third).contains(a5));
            assertThat(ids(third)).containsExactly(a3, a4, a5);
        }
    }

    @Test
    void aClientThatSawNoEventYet_resumesFromWhereItConnected() throws Exception {
        String client = TestIds.uniqueClient();
        String opened;
        try (SseClient first = SseClient.open(uri("clientId=" + client), API_KEY_A)) {
            await().atMost(WAIT).until(() -> first.lastEventId() != null);
            opened = first.lastEventId();
            assertThat(first.comments()).contains("live stream open");
        }
        String missed = publishIssue(TENANT_A, client, "LOW");

        try (SseClient again = SseClient.open(uri("clientId=" + client), API_KEY_A, Map.of("Last-Event-ID", opened))) {
            await().atMost(WAIT).until(() -> ids(again).contains(missed));
            assertThat(ids(again)).containsExactly(missed);
        }
    }

    @Test
    void aSecondTenantsStream_seesNoneOfTheFirstTenantsEvents() throws Exception {
        String client = clientsOnOnePartition(IntakeTopics.EVENTS, 1, TENANT_A, TENANT_B).get(0);
        try (SseClient ofA = SseClient.open(uri("clientId=" + client), API_KEY_A);
             SseClient ofB = SseClient.open(uri("clientId=" + client), API_KEY_B)) {
            String b1 = publishIssue(TENANT_B, client, "HIGH");
            String a1 = publishIssue(TENANT_A, client, "HIGH");
            String b2 = publishIssue(TENANT_B, client, "HIGH");
            String a2 = publishIssue(TENANT_A, client, "HIGH");
            String b3 = publishIssue(TENANT_B, client, "HIGH");

            await().atMost(WAIT).until(() -> ids(ofA).contains(a2) && ids(ofB).contains(b3));
            assertThat(ids(ofA)).containsExactly(a1, a2);
            assertThat(ids(ofB)).containsExactly(b1, b2, b3);
        }
    }

    @Test
    void anIdleStream_getsHeartbeatComments_carryingItsPosition() throws Exception {
        try (SseClient idle = SseClient.open(uri("clientId=" + TestIds.uniqueClient()), API_KEY_A)) {
            await().atMost(WAIT).until(() -> idle.comments().stream().filter("heartbeat"::equals).count() >= 2);
            assertThat(idle.events()).isEmpty();
            assertThat(idle.lastEventId()).matches("[A-Za-z0-9_-]+");
            assertThat(idle.ended()).isFalse();
        }
    }

    @Test
    void aClientThatDisconnects_hasItsStreamAndConsumerClosed() throws Exception {
        await().atMost(WAIT).until(() -> streams.active() == 0);
        SseClient client = SseClient.open(uri("clientId=" + TestIds.uniqueClient()), API_KEY_A);
        assertThat(streams.active()).isEqualTo(1);

        client.close();

        await().atMost(WAIT).until(() -> streams.active() == 0);
    }

    @Test
    void aReaderThatStopsReading_isCutOff_whileAnotherStreamGetsEveryEvent() throws Exception {
        String client = TestIds.uniqueClient();
        String query = "clientId=" + client;
        long cutOffBefore = streams.slowReadersCutOff();
        int published = 16;
        try (Socket slow = new Socket(); SseClient healthy = SseClient.open(uri(query), API_KEY_A)) {
            // a small receive window, so that what the service writes piles up on its side soon
            slow.setReceiveBufferSize(4096);
            slow.setSoTimeout((int) WAIT.toMillis());
            slow.connect(new InetSocketAddress(streamUri.getHost(), streamUri.getPort()));
            OutputStream request = slow.getOutputStream();
            request.write(("GET " + streamUri.getPath() + "?" + query + " HTTP/1.1\r\nHost: " + streamUri.getHost()
                    + "\r\nAuthorization: " + bearer(API_KEY_A) + "\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            InputStream response = slow.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            readUntil(response, read, "live stream open");
            assertThat(read.toString(StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200");

            // ... and from here on it reads nothing, while large events come
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < published; i++) {
                ids.add(publishLarge(client));
            }

            await().atMost(WAIT).until(() -> streams.slowReadersCutOff() > cutOffBefore);
            await().atMost(WAIT).until(() -> ids(healthy).containsAll(ids));
            assertThat(healthy.ended()).isFalse();

            // what was already in the network buffers, then the end: the rest was dropped, not buffered
            readToEnd(response, read);
            String slowSaw = read.toString(StandardCharsets.UTF_8);
            int events = slowSaw.split("\nevent:", -1).length - 1;
            assertThat(events).isLessThan(published);
        }
    }

    @Test
    void beyondMaxConnections_is503_untilAStreamCloses() throws Exception {
        await().atMost(WAIT).until(() -> streams.active() == 0);
        List<SseClient> open = new ArrayList<>();
        try {
            // max-connections is 6 in the test profile
            for (int i = 0; i < 6; i++) {
                open.add(SseClient.open(uri("clientId=" + TestIds.uniqueClient()), API_KEY_A));
            }
            given().header("Authorization", bearer(API_KEY_A)).when().get("/streams/events")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                    .body("detail", containsString("limit of 6 live streams"));

            open.remove(0).close();
            await().atMost(WAIT).until(() -> streams.active() < 6);
            open.add(SseClient.open(uri("clientId=" + TestIds.uniqueClient()), API_KEY_A));
        } finally {
            open.forEach(SseClient::close);
            await().atMost(WAIT).until(() -> streams.active() == 0);
        }
    }

    @Test
    void badParameters_are400ProblemsNamingThem_beforeAnyStreamStarts() {
        String valid = new ResumeToken(Map.of(new TopicPartition(IntakeTopics.EVENTS, 0), 3L)).encode();
        String garbled = valid.substring(0, valid.length() - 1) + (valid.endsWith("A") ? "B" : "A");
        given().header("Authorization", bearer(API_KEY_A)).queryParam("type", IntakeEventTypes.ISSUE_REPORTED)
                .queryParam("type", "IssueReported")
                .when().get("/streams/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("type[1]"));
        given().header("Authorization", bearer(API_KEY_A)).queryParam("clientId", "acme dental")
                .when().get("/streams/events")
                .then().statusCode(400).body("errors.field", hasItem("clientId[0]"));
        given().header("Authorization", bearer(API_KEY_A)).queryParam("source", "/trustline/ intake")
                .when().get("/streams/events")
                .then().statusCode(400).body("errors.field", hasItem("source[0]"));
        given().header("Authorization", bearer(API_KEY_A)).queryParam("filter", "subject == \"acme\" &&\n  priority == 1")
                .when().get("/streams/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'filter' }.message", containsString("line 2, column"))
                .body("errors.find { it.field == 'filter' }.message", containsString("priority"));
        given().header("Authorization", bearer(API_KEY_A)).queryParam("filter", "size(subject)")
                .when().get("/streams/events")
                .then().statusCode(400).body("errors.field", hasItem("filter"));
        given().header("Authorization", bearer(API_KEY_A)).header("Last-Event-ID", garbled)
                .when().get("/streams/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'Last-Event-ID' }.message", containsString("checksum"));
        given().header("Authorization", bearer(API_KEY_A)).queryParam("lastEventId", "not a token")
                .when().get("/streams/events")
                .then().statusCode(400).body("errors.field", hasItem("lastEventId"));
        given().header("Authorization", bearer(API_KEY_A)).queryParam("lastEventId", "AAAAAAAA")
                .when().get("/streams/events")
                .then().statusCode(400).body("errors.field", hasItem("lastEventId"));
        given().when().get("/streams/events").then().statusCode(401);
    }

    @Test
    void aTokenWhoseRecordsRetentionDeleted_startsAtTheEarliestKept_andSaysSoWithAStreamGapEvent() throws Exception {
        String client = TestIds.uniqueClient();
        String opened;
        try (SseClient first = SseClient.open(uri("clientId=" + client), API_KEY_A)) {
            await().atMost(WAIT).until(() -> first.lastEventId() != null);
            opened = first.lastEventId();
        }
        String lost = publishNotification(client, Map.of("n", 1));
        ConsumerRecord<String, ?> lostRecord = KafkaTestTopics.awaitEvents(NotificationTopics.EVENTS,
                        read -> read.stream().anyMatch(r -> r.value().getId().equals(lost)))
                .stream().filter(r -> r.value().getId().equals(lost)).findFirst().orElseThrow();
        TopicPartition partition = new TopicPartition(lostRecord.topic(), lostRecord.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TrustlineInfraResource.kafkaBootstrapServers()))) {
            admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(lostRecord.offset() + 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        String kept = publishNotification(client, Map.of("n", 2));

        try (SseClient resumed = SseClient.open(uri("clientId=" + client), API_KEY_A, Map.of("Last-Event-ID", opened))) {
            await().atMost(WAIT).until(() -> ids(resumed).contains(kept));
            assertThat(resumed.eventNames()).containsExactly("stream-gap", NotificationEventTypes.WEBHOOK_DELIVERED);
            JsonPath gap = JsonPath.from(resumed.events().get(0).data());
            assertThat(gap.getString("topic")).isEqualTo(NotificationTopics.EVENTS);
            assertThat(gap.getInt("partition")).isEqualTo(partition.partition());
            assertThat(gap.getLong("resumeOffset")).isLessThanOrEqualTo(lostRecord.offset());
            assertThat(gap.getLong("earliestOffset")).isEqualTo(lostRecord.offset() + 1);
            assertThat(ids(resumed)).doesNotContain(lost);
        }
    }

    @Test
    void theOpenApi_statesTheStreamAndItsConstraints() {
        JsonPath api = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        String operation = "paths.'/streams/events'.get";
        String parameters = operation + ".parameters";
        assertThat(api.getString(parameters + ".find { it.name == 'type' }.schema.items.pattern"))
                .isEqualTo("^io\\.trustline\\.[a-z]+\\.[A-Za-z]+\\.v[0-9]+$");
        assertThat(api.getString(parameters + ".find { it.name == 'clientId' }.schema.items.pattern"))
                .isEqualTo("[A-Za-z0-9._:-]+");
        assertThat(api.getInt(parameters + ".find { it.name == 'filter' }.schema.maxLength")).isEqualTo(2000);
        assertThat(api.getInt(parameters + ".find { it.name == 'Last-Event-ID' }.schema.maxLength")).isEqualTo(4096);
        assertThat(api.getString(parameters + ".find { it.name == 'lastEventId' }.schema.pattern"))
                .isEqualTo("[A-Za-z0-9_-]*");
        assertThat(api.getMap(operation + ".responses.'200'.content")).containsKey("text/event-stream");
        assertThat(api.getMap(operation + ".responses")).containsKeys("400", "503");
    }

    private URI uri(String query) {
        return URI.create(streamUri + "?" + query);
    }

    private static List<String> ids(SseClient stream) {
        return stream.events().stream().filter(event -> !event.event().equals(LiveStream.GAP_EVENT))
                .map(event -> JsonPath.from(event.data()).getString("id")).toList();
    }

    private static String publishIssue(String tenant, String client, String priority) {
        String id = UUID.randomUUID().toString();
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, id, IntakeEventTypes.ISSUE_REPORTED,
                GoldenJson.exampleOfIssue(IssueReported.class, tenant, client, UUID.randomUUID().toString())
                        .with("priority", priority));
        return id;
    }

    private static String publish(Class<?> example, String type, String tenant, String client) {
        String id = UUID.randomUUID().toString();
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, id, type,
                GoldenJson.exampleOfIssue(example, tenant, client, UUID.randomUUID().toString()));
        return id;
    }

    /** A critical IssueReported of the client, from another source than the test kit's {@code /trustline/test}. */
    private static void publishFromElsewhere(String client) {
        GoldenExample<IssueReported> data = GoldenJson.exampleOfIssue(IssueReported.class, TENANT_A, client,
                UUID.randomUUID().toString()).with("priority", "CRITICAL");
        KafkaTestTopics.publish(IntakeTopics.EVENTS, TENANT_A + ":" + client, CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString()).withSource(URI.create("/trustline/elsewhere"))
                .withType(IntakeEventTypes.ISSUE_REPORTED).withSubject(client)
                .withTime(Instant.now().atOffset(ZoneOffset.UTC)).withDataContentType("application/json")
                .withExtension("tenantid", TENANT_A).withData(data.bytes()).build());
    }

    // on the notification topic, which nothing in this service consumes: large or odd events disturb no delivery
    private static String publishNotification(String client, Map<String, Object> data) {
        String id = UUID.randomUUID().toString();
        KafkaTestTopics.publishEvent(NotificationTopics.EVENTS, id, NotificationEventTypes.WEBHOOK_DELIVERED, TENANT_A,
                client, Instant.now(), data);
        return id;
    }

    private static String publishLarge(String client) {
        return publishNotification(client, Map.of("padding", "x".repeat(700_000)));
    }

    /** Clients whose events of all the given tenants go to one partition of the topic, so they are read in order. */
    private static List<String> clientsOnOnePartition(String topic, int count, String... tenants) {
        int partitions = partitionCount(topic);
        List<String> clients = new ArrayList<>();
        Integer partition = null;
        while (clients.size() < count) {
            String candidate = TestIds.uniqueClient();
            List<Integer> of = Arrays.stream(tenants).map(tenant -> partitionOf(tenant + ":" + candidate, partitions))
                    .distinct().toList();
            if (of.size() == 1 && (partition == null || partition.equals(of.get(0)))) {
                partition = of.get(0);
                clients.add(candidate);
            }
        }
        return clients;
    }

    // asking for the metadata creates the topic, as publishing would, on a broker that creates topics on first use
    private static int partitionCount(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TrustlineInfraResource.kafkaBootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            return await().atMost(WAIT).until(() -> consumer.partitionsFor(topic).size(), count -> count > 0);
        }
    }

    // the Kafka producer's partitioner for a keyed record
    private static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void readUntil(InputStream in, ByteArrayOutputStream read, String marker) throws IOException {
        byte[] buffer = new byte[1024];
        while (!read.toString(StandardCharsets.UTF_8).contains(marker)) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new AssertionError("the stream ended before '" + marker + "': " + read);
            }
            read.write(buffer, 0, n);
        }
    }

    private static void readToEnd(InputStream in, ByteArrayOutputStream read) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                read.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // a cut connection may end with a reset rather than an orderly close
        }
    }
}
