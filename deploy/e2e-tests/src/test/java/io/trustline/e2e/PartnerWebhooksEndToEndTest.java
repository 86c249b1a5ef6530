package io.trustline.e2e;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.cloudevents.CloudEvent;
import io.restassured.path.json.JsonPath;
import io.trustline.e2e.PartnerReceiver.Request;
import io.trustline.incident.api.IncidentEventTypes;
import io.trustline.incident.api.IncidentTopics;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.local.LocalPlatform;
import io.trustline.local.LocalPlatformSettings;
import io.trustline.local.ServiceProcess;
import io.trustline.notification.api.NotificationEventTypes;
import io.trustline.notification.api.NotificationTopics;
import io.trustline.testkit.KafkaTestTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partners' webhook receivers on real local HTTP servers, fed by the packaged services from a technician's work on
 * issues: deliveries are signed to Standard Webhooks (verified with its reference library, not our code), a failing
 * receiver delays no other and gets everything after its retries, a 410 disables its endpoint, and a restart of
 * notification-service with retries pending loses nothing. Each test's endpoints allow only its own clients, so the
 * tests never see each other's deliveries.
 */
@ExtendWith(OwnPlatform.class)
class PartnerWebhooksEndToEndTest {

    private static final String API_KEY = "partner-webhooks-test-key";
    /**
     * Seconds, not Svix's hours: the first four as the services' test profile (a receiver failing three times gets
     * the fourth attempt 3 s after the first); twelve more every 5 s, so a receiver can stay down through a restart of
     * notification-service on a busy machine without being given up.
     */
    private static final String RETRY_SCHEDULE = "PT0S,PT1S,PT1S,PT1S" + ",PT5S".repeat(12);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** What a client portal shows of an issue: reported, acknowledged, planned, resolved. */
    private static final List<String> ISSUE_LIFECYCLE = List.of(IntakeEventTypes.ISSUE_REPORTED,
            IncidentEventTypes.ISSUE_ACKNOWLEDGED, IncidentEventTypes.ACTION_PLAN_ISSUED, IncidentEventTypes.ISSUE_RESOLVED);

    @TempDir
    static Path dataDir;
    private static LocalPlatform platform;
    private static PlatformClient client;

    @BeforeAll
    static void startPlatform() {
        platform = new LocalPlatform(LocalPlatformSettings.forTests(dataDir, "partners", API_KEY)
                .withServices("intake", "incident", "notification")
                .withServiceConfig(Map.of(
                        "trustline.webhooks.delivery.retry-schedule", RETRY_SCHEDULE,
                        "trustline.webhooks.delivery.poll-interval", "PT0.2S")));
        platform.start();
        client = new PlatformClient(platform, API_KEY);
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.stop();
        }
    }

    @Test
    void aReceiverFailingThreeTimesPerMessage_delaysNotTheHealthyOne_andGetsEveryEventAfterItsRetries_allSigned()
            throws Exception {
        try (PartnerReceiver flaky = new PartnerReceiver(request -> request <= 3 ? 500 : 200);
             PartnerReceiver healthy = new PartnerReceiver(request -> 200)) {
            List<String> clients = List.of(uniqueClient(), uniqueClient(), uniqueClient());
            Endpoint a = register(flaky, ISSUE_LIFECYCLE, clients);
            Endpoint b = register(healthy, ISSUE_LIFECYCLE, clients);

            List<String> issueIds = clients.stream().map(PartnerWebhooksEndToEndTest::workIssueToResolution).toList();
            List<String> events = published(issueIds, ISSUE_LIFECYCLE, 4 * issueIds.size());

            await().atMost(PATIENCE).until(() -> healthy.accepted().containsAll(events));
            await().atMost(PATIENCE).until(() -> flaky.accepted().containsAll(events)
                    && statuses(a.id()).equals(List.of("DELIVERED")));

            assertThat(healthy.requests()).as("B: each event once, at its first attempt")
                    .allMatch(Request::accepted)
                    .extracting(Request::eventId).containsExactlyInAnyOrderElementsOf(events);
            assertThat(events).allSatisfy(event -> {
                assertThat(flaky.requestsOf(event)).as("A's requests for " + event)
                        .extracting(Request::answered).containsExactly(500, 500, 500, 200);
                assertThat(flaky.requestsOf(event)).extracting(Request::webhookId).containsOnly(event);
                assertThat(healthy.acceptedAt(event).orElseThrow()).as("B has " + event + " before A accepts it")
                        .isBefore(flaky.acceptedAt(event).orElseThrow());
            });
            Instant healthyHadAll = events.stream().map(event -> healthy.acceptedAt(event).orElseThrow())
                    .max(Comparator.naturalOrder()).orElseThrow();
            assertThat(events).as("events A was still retrying when B had them all")
                    .filteredOn(event -> flaky.acceptedAt(event).orElseThrow().isAfter(healthyHadAll))
                    .isNotEmpty();
            assertThat(flaky.accepted()).containsExactlyInAnyOrderElementsOf(events);

            assertThat(flaky.requests()).hasSize(4 * events.size()).allSatisfy(request -> verify(a, request));
            assertThat(healthy.requests()).allSatisfy(request -> verify(b, request));
            Request signedForB = healthy.requests().get(0);
            assertThatThrownBy(() -> new Webhook(a.secret()).verify(signedForB.body(), signedForB.headers()))
                    .as("B's delivery checked with A's secret").isInstanceOf(WebhookVerificationException.class);
        }
    }

    @Test
    void aReceiverAnswering410_hasItsEndpointDisabledAtOnce_andGetsNothingMore() {
        try (PartnerReceiver gone = new PartnerReceiver(request -> 410);
             PartnerReceiver healthy = new PartnerReceiver(request -> 200)) {
            String clientId = uniqueClient();
            List<String> types = List.of(IntakeEventTypes.ISSUE_REPORTED, IncidentEventTypes.ISSUE_ACKNOWLEDGED);
            Endpoint goneEndpoint = register(gone, types, List.of(clientId));
            register(healthy, types, List.of(clientId));

            String issueId = client.reportIssue(clientId);
            JsonPath disabled = await().atMost(PATIENCE).until(() -> endpoint(goneEndpoint.id()),
                    endpoint -> endpoint.getString("disabledAt") != null);

            assertThat(disabled.getString("disabledReason")).isEqualTo("GONE");
            assertThat(gone.requests()).as("attempts before it was disabled").singleElement()
                    .satisfies(request -> assertThat(request.answered()).isEqualTo(410));
            List<ConsumerRecord<String, CloudEvent>> published = KafkaTestTopics.awaitEventsFrom(
                    platform.kafka().bootstrapServers(), NotificationTopics.EVENTS,
                    read -> !disabledEventsOf(goneEndpoint.id(), read).isEmpty(), PATIENCE);
            assertThat(disabledEventsOf(goneEndpoint.id(), published)).singleElement()
                    .satisfies(event -> assertThat(PlatformClient.data(event).getString("reason")).isEqualTo("GONE"));

            // once the healthy endpoint has the acknowledgement, notification has decided for every endpoint of the tenant
            client.incident(issueId, incident -> true);
            client.command(issueId, "acknowledgement", "{\"by\": \"Sam Tech\"}");
            await().atMost(PATIENCE).until(() -> healthy.accepted().size() == 2);
            assertThat(gone.requests()).hasSize(1);
            assertThat(deliveries(goneEndpoint.id())).extracting(delivery -> delivery.get("status"))
                    .containsExactly("FAILED");
        }
    }

    @Test
    void notificationServiceRestartedWhileRetriesArePending_deliversEveryPendingEventOnceTheReceiverRecovers()
            throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        try (PartnerReceiver recovering = new PartnerReceiver(request -> down.get() ? 503 : 200)) {
            List<String> clients = List.of(uniqueClient(), uniqueClient());
            List<String> types = List.of(IntakeEventTypes.ISSUE_REPORTED, IncidentEventTypes.ISSUE_ACKNOWLEDGED);
            Endpoint endpoint = register(recovering, types, clients);
            List<String> issueIds = clients.stream().map(client::reportIssue).toList();
            for (String issueId : issueIds) {
                client.incident(issueId, incident -> true);
                client.command(issueId, "acknowledgement", "{\"by\": \"Sam Tech\"}");
            }
            List<String> events = published(issueIds, types, 2 * issueIds.size());
            // every event enqueued, and each client's first one failed at least once: its retry is pending, and the
            // acknowledgement waits behind it (a client's events go out in order)
            await().atMost(PATIENCE).until(() -> deliveries(endpoint.id()).size() == events.size()
                    && recovering.requests().stream().map(Request::eventId).distinct().count() == clients.size());

            ServiceProcess notification = platform.service("notification");
            long stoppedPid = notification.pid();
            notification.restart();
            assertThat(ProcessHandle.of(stoppedPid).filter(ProcessHandle::isAlive)).as("pid " + stoppedPid).isEmpty();
            assertThat(notification.pid()).isNotEqualTo(stoppedPid);
            assertThat(deliveries(endpoint.id())).as("deliveries after the restart, the receiver still down")
                    .hasSize(events.size())
                    .allSatisfy(delivery -> assertThat(delivery.get("status")).isEqualTo("PENDING"));

            down.set(false);
            await().atMost(PATIENCE).until(() -> statuses(endpoint.id()).equals(List.of("DELIVERED")));
            assertThat(recovering.accepted()).as("events answered 2xx, each once")
                    .containsExactlyInAnyOrderElementsOf(events);
            assertThat(recovering.requests()).allSatisfy(request -> {
                assertThat(request.webhookId()).isEqualTo(request.eventId());
                verify(endpoint, request);
            });
        }
    }

    /** An endpoint as its partner knows it: its id and the signing secret shown once, on registration. */
    private record Endpoint(String id, String secret) {
    }

    private static Endpoint register(PartnerReceiver receiver, List<String> eventTypes, List<String> clientIds) {
        JsonPath registered = given().spec(client.json()).baseUri(client.url("notification"))
                .body(Map.of("url", receiver.url(), "eventTypes", eventTypes, "clientIds", clientIds))
                .when().post("/webhooks/endpoints")
                .then().statusCode(201).extract().jsonPath();
        String endpointId = registered.getString("endpointId");
        // the endpoint list deliveries read is a read model: it serves the endpoint moments after the 201
        await().atMost(PATIENCE).untilAsserted(() -> given().spec(client.json()).baseUri(client.url("notification"))
                .when().get("/webhooks/endpoints")
                .then().statusCode(200).body("endpoints.endpointId", hasItem(endpointId)));
        return new Endpoint(endpointId, registered.getString("secret"));
    }

    /** Reported, then acknowledged, given an action plan and resolved by a technician; returns the issue id. */
    private static String workIssueToResolution(String clientId) {
        String issueId = client.reportIssue(clientId);
        client.incident(issueId, incident -> true);
        client.command(issueId, "acknowledgement", "{\"by\": \"Sam Tech\"}");
        client.command(issueId, "action-plan",
                "{\"steps\": [\"restart the payroll VM\", \"verify the bank export\"], \"owner\": \"Sam Tech\"}");
        client.command(issueId, "resolution", "{\"summary\": \"payroll VM restarted; the bank export ran\"}");
        return issueId;
    }

    /** The ids of the issues' events of those types as intake and incident published them, once all are there. */
    private static List<String> published(List<String> issueIds, List<String> types, int expected) {
        List<String> ids = new ArrayList<>();
        types.stream().collect(Collectors.groupingBy(PartnerWebhooksEndToEndTest::topicOf, LinkedHashMap::new,
                Collectors.toList())).forEach((topic, typesOnTopic) -> {
                    int onTopic = typesOnTopic.size() * issueIds.size();
                    ids.addAll(matching(KafkaTestTopics.awaitEventsFrom(platform.kafka().bootstrapServers(), topic,
                            read -> matching(read, issueIds, typesOnTopic).size() >= onTopic, PATIENCE),
                            issueIds, typesOnTopic));
                });
        assertThat(ids).hasSize(expected).doesNotHaveDuplicates();
        return ids;
    }

    private static String topicOf(String eventType) {
        return eventType.startsWith("io.trustline.intake.") ? IntakeTopics.EVENTS : IncidentTopics.EVENTS;
    }

    private static List<String> matching(List<ConsumerRecord<String, CloudEvent>> records, List<String> issueIds,
                                         List<String> types) {
        return records.stream().map(ConsumerRecord::value)
                .filter(event -> types.contains(event.getType())
                        && issueIds.contains(PlatformClient.data(event).getString("issueId")))
                .map(CloudEvent::getId)
                .toList();
    }

    private static List<CloudEvent> disabledEventsOf(String endpointId, List<ConsumerRecord<String, CloudEvent>> read) {
        return read.stream().map(ConsumerRecord::value)
                .filter(event -> NotificationEventTypes.WEBHOOK_ENDPOINT_DISABLED.equals(event.getType())
                        && endpointId.equals(event.getSubject()))
                .toList();
    }

    private static JsonPath endpoint(String endpointId) {
        return given().spec(client.json()).baseUri(client.url("notification"))
                .when().get("/webhooks/endpoints/" + endpointId)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The endpoint's deliveries as the API shows them (one page is enough here). */
    private static List<Map<String, Object>> deliveries(String endpointId) {
        return given().spec(client.json()).baseUri(client.url("notification")).queryParam("limit", 200)
                .when().get("/webhooks/endpoints/" + endpointId + "/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** The distinct statuses of the endpoint's deliveries. */
    private static List<Object> statuses(String endpointId) {
        return deliveries(endpointId).stream().map(delivery -> delivery.get("status")).distinct().toList();
    }

    /** As the partner does, with the Standard Webhooks reference library and the secret from registration. */
    private static void verify(Endpoint endpoint, Request request) throws Exception {
        new Webhook(endpoint.secret()).verify(request.body(), request.headers());
    }
}
