package io.trustline.e2e;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.path.json.JsonPath;
import io.trustline.e2e.PlatformClient.TimelineEvent;
import io.trustline.local.LocalPlatform;
import io.trustline.testkit.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged services as separate processes, over a real broker and the Mongo-wire stand-in, driven
 * the way a PSA, a partner and an account manager would.
 */
@ExtendWith(SharedPlatform.class)
class EndToEndTest {

    private static final String API_KEY = SharedPlatform.apiKey("e2e");
    private static final List<String> SLICE_TYPES = List.of(
            "io.trustline.intake.IssueReported.v1",
            "io.trustline.intake.ExpectationSet.v1",
            "io.trustline.incident.ActionPlanIssued.v1");

    private static LocalPlatform platform;
    private static PlatformClient client;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = SharedPlatform.platform();
        client = new PlatformClient(platform, API_KEY);
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopPlatform() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void anIssueTravelsFromThePsaToTheTimelineAndThePartnersWebhook() {
        given().spec(client.json()).baseUri(client.url("notification"))
                .body("{\"url\": \"" + receiver.url() + "\", \"eventTypes\": " + jsonList(SLICE_TYPES) + "}")
                .when().post("/webhooks/endpoints")
                .then().statusCode(201);
        // the endpoint list deliveries read is a read model: it catches up moments after the 201
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().spec(client.json()).baseUri(client.url("notification")).when().get("/webhooks/endpoints")
                        .then().statusCode(200).body("endpoints.url", hasItem(receiver.url())));
        String clientId = uniqueClient();

        String issueId = client.reportIssue(clientId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().spec(client.json()).baseUri(client.url("incident")).when().get("/incidents/" + issueId).then().statusCode(200));
        given().spec(client.json()).baseUri(client.url("incident"))
                .body("{\"steps\": [\"restart the payroll VM\", \"verify the bank export\"], \"owner\": \"Sam Tech\"}")
                .when().post("/incidents/" + issueId + "/action-plan")
                .then().statusCode(201);

        // the incident's ResponseTargetsSet is scored too; it lands when the incident has read the expectation
        List<TimelineEvent> timeline = await().atMost(Duration.ofSeconds(30)).until(() -> client.timelineEvents(clientId),
                events -> events.size() >= 4);
        assertThat(timeline).extracting(TimelineEvent::type).containsExactlyInAnyOrder(
                "IssueReported", "ExpectationSet", "ResponseTargetsSet", "ActionPlanIssued");
        List<TimelineEvent> slice = timeline.stream().filter(event -> !event.type().equals("ResponseTargetsSet")).toList();
        assertThat(slice).extracting(TimelineEvent::type)
                .containsExactly("IssueReported", "ExpectationSet", "ActionPlanIssued");
        List<String> eventIds = slice.stream().map(TimelineEvent::id).toList();
        assertThat(eventIds).doesNotContainNull().doesNotHaveDuplicates();

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveredIds(eventIds).size() == 3);
        assertThat(receiver.deliveries()).filteredOn(d -> eventIds.stream().anyMatch(d.body()::contains))
                .allSatisfy(d -> assertThat(d.contentType()).startsWith("application/cloudevents+json"))
                .extracting(d -> JsonPath.from(d.body()).getString("type"))
                .containsExactlyInAnyOrderElementsOf(SLICE_TYPES);
    }

    @Test
    void aConsumerKilledWhileEventsFlow_endsWithEveryEventExactlyOnce() throws Exception {
        String clientId = uniqueClient();
        int issues = 40;
        CompletableFuture<List<String>> reporting = CompletableFuture.supplyAsync(() -> {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < issues; i++) {
                ids.add(client.reportIssue(clientId));
            }
            return ids;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> client.intakeEvents(clientId).size() >= 4);

        platform.service("relationship").kill();
        platform.service("relationship").restart();
        List<String> issueIds = reporting.get();

        List<TimelineEvent> timeline = await().atMost(Duration.ofSeconds(60)).until(() -> client.intakeEvents(clientId),
                events -> events.size() >= 2 * issues);
        assertThat(timeline).hasSize(2 * issues);
        assertThat(timeline).extracting(TimelineEvent::id).doesNotHaveDuplicates();
        assertThat(timeline).extracting(TimelineEvent::issueId).containsAll(issueIds);
        // as of its latest event, the timeline is computed afresh from the stored events, as a clean run scores
        // them; the incident's events may still be arriving, hence the wait
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(client.timelinePoints(clientId, Map.of()))
                .isEqualTo(client.timelinePoints(clientId, Map.of("asOf", client.timelineAsOf(clientId)))));
    }

    @Test
    void aProducerKilledWhileEventsFlow_stillPublishesEveryAcceptedEventExactlyOnce() throws Exception {
        String clientId = uniqueClient();
        List<String> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean reporting = new java.util.concurrent.atomic.AtomicBoolean(true);
        CompletableFuture<Integer> refused = CompletableFuture.supplyAsync(() -> {
            int failures = 0;
            while (reporting.get()) {
                try {
                    accepted.add(client.reportIssue(clientId));
                } catch (Exception | AssertionError intakeDown) {
                    // while intake is dead a call fails (RestAssured rethrows ConnectException unchecked);
                    // only the issues it answered 201 for count
                    failures++;
                }
            }
            return failures;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> accepted.size() >= 5);

        platform.service("intake").kill();
        platform.service("intake").restart();
        int acceptedBeforeStop = accepted.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> accepted.size() >= acceptedBeforeStop + 5);
        reporting.set(false);
        refused.get();

        List<String> issueIds = List.copyOf(accepted);
        // a request in flight when intake died may have been stored without its 201 reaching us:
        // like any unanswered call it may or may not have happened (hence Idempotency-Key), so the
        // timeline holds every accepted issue, each complete, and at most one we never heard of
        List<TimelineEvent> timeline = await().atMost(Duration.ofSeconds(60)).until(() -> client.intakeEvents(clientId),
                events -> PlatformClient.everyIssueComplete(events)
                        && events.stream().map(TimelineEvent::issueId).toList().containsAll(issueIds));
        assertThat(timeline).extracting(TimelineEvent::id).doesNotHaveDuplicates();
        assertThat(timeline.stream().map(TimelineEvent::issueId).collect(java.util.stream.Collectors.toSet()))
                .containsAll(issueIds)
                .hasSizeBetween(issueIds.size(), issueIds.size() + 1);
    }

    @Test
    void issuesAcceptedWhileTheBrokerIsDown_arePublishedOnceItIsBack() {
        String clientId = uniqueClient();
        client.reportIssue(clientId);
        await().atMost(Duration.ofSeconds(30)).until(() -> client.intakeEvents(clientId).size() == 2);

        platform.stopKafka();
        // the event store is the outbox: intake keeps accepting while the relay cannot send
        List<String> acceptedWhileDown = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            acceptedWhileDown.add(client.reportIssue(clientId));
        }
        platform.startKafkaAgain();

        List<TimelineEvent> timeline = await().atMost(Duration.ofSeconds(120)).until(() -> client.intakeEvents(clientId),
                events -> events.size() >= 12);
        assertThat(timeline).extracting(TimelineEvent::id).hasSize(12).doesNotHaveDuplicates();
        assertThat(timeline).extracting(TimelineEvent::issueId).containsAll(acceptedWhileDown);
    }

    private static List<String> deliveredIds(List<String> eventIds) {
        return receiver.deliveries().stream()
                .map(d -> JsonPath.from(d.body()).getString("id"))
                .filter(eventIds::contains)
                .distinct()
                .toList();
    }

    private static String jsonList(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").reduce((a, b) -> a + ", " + b).map(s -> "[" + s + "]").orElse("[]");
    }
}
