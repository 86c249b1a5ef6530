package io.trustline.e2e;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.trustline.e2e.PlatformClient.TimelineEvent;
import io.trustline.local.LocalPlatform;
import io.trustline.relationship.api.RelationshipEventTypes;
import io.trustline.relationship.api.RelationshipTopics;
import io.trustline.testkit.KafkaTestTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The scored timeline on the packaged services, reached only through the public APIs: a PSA reports over intake,
 * the service desk works the incident over incident, the account manager records moments over relationship, and
 * the timeline is read back over relationship's REST API. Default policy and model ({@code trustline-default@1}).
 */
// the short story first: it warms the services' first calls, so the kill test's minute goes to the kill
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedPlatform.class)
class ScoredTimelineEndToEndTest {

    private static final String API_KEY = SharedPlatform.apiKey("scored");
    private static final Set<String> MOMENTS = Set.of("CompetitorOfferDeclined", "MeetingHeld");
    private static final String OFFER = """
            {"competitor": "CheapIT Ltd", "offer": "the same service for 20% less",
             "clientWords": "you owned the outage and fixed it the same day"}""";
    private static final String MEETING = """
            {"kind": "MONTHLY_REVIEW", "faceToFace": true, "attendees": ["Dana Office", "Sam Tech"]}""";

    private static LocalPlatform platform;
    private static PlatformClient client;

    @BeforeAll
    static void startPlatform() {
        platform = SharedPlatform.platform();
        client = new PlatformClient(platform, API_KEY);
    }

    @Test
    @Order(1)
    void aDisruptionAdmittedAndFixedQuickly_buildsTrust_andADeclinedOfferRaisesLoyalty_everyPointExplained() {
        String clientId = uniqueClient();
        String issueId = client.reportIssue(clientId);
        client.incidentWithTargets(issueId);

        // seed 004: admit it, give the action plan, make it happen quickly — all far inside STOPPED × EVERYONE's
        // targets (plan 60 min, resolve 4 h), so the handling rules can reward it
        client.command(issueId, "disruptions", """
                {"discovery": "DISCLOSED_BY_PROVIDER",
                 "whatHappened": "our patch run rebooted the payroll server during the export"}""");
        client.command(issueId, "action-plan",
                "{\"steps\": [\"roll back the patch\", \"rerun the payroll export\"], \"owner\": \"Sam Tech\"}");
        client.command(issueId, "resolution", "{\"summary\": \"patch rolled back, payroll export rerun\"}");
        client.command(issueId, "confirmation",
                "{\"howCriteriaMet\": true, \"checks\": [{\"check\": \"payroll runs\", \"passed\": true}]}");
        List<String> incidentTypes = List.of("IssueReported", "ExpectationSet", "ResponseTargetsSet",
                "ServiceDisruptionAdmitted", "ActionPlanIssued", "IssueResolved", "ResolutionConfirmed", "ExpectationMet");
        // "later": the offer is recorded once the incident's story is on the timeline, so it occurs after it
        await().atMost(Duration.ofSeconds(30)).until(() -> types(client.timelinePoints(clientId, Map.of())),
                types -> types.containsAll(incidentTypes));

        given().spec(client.json()).baseUri(client.url("relationship")).body(OFFER)
                .when().post("/clients/" + clientId + "/offers-declined")
                .then().statusCode(201);

        List<Map<String, Object>> points = await().atMost(Duration.ofSeconds(30))
                .until(() -> client.timelinePoints(clientId, Map.of()),
                        found -> types(found).contains("CompetitorOfferDeclined"));

        assertThat(types(points)).containsAll(incidentTypes).contains("CompetitorOfferDeclined");
        List<Instant> times = points.stream().map(point -> Instant.parse((String) event(point).get("occurredAt"))).toList();
        assertThat(times).isSorted();
        assertThat(points).allSatisfy(ScoredTimelineEndToEndTest::assertExplained);

        Map<String, Object> disruption = point(points, "ServiceDisruptionAdmitted");
        assertThat(rules(disruption)).contains("004.disruption-admitted");
        assertThat(rules(point(points, "ActionPlanIssued"))).contains("004.plan-after-disruption");
        assertThat(rules(point(points, "IssueResolved"))).contains("004.quick-fix-after-disruption");
        double trustBeforeDisruption = score(disruption, "trust", "before");
        double trustAtTheEnd = score(points.get(points.size() - 1), "trust", "after");
        assertThat(trustAtTheEnd).as("trust at the end vs just before the disruption")
                .isGreaterThan(trustBeforeDisruption);

        Map<String, Object> declined = point(points, "CompetitorOfferDeclined");
        assertThat(score(declined, "loyalty", "after")).isGreaterThan(score(declined, "loyalty", "before"));
        assertThat(rules(declined)).contains("004.offer-declined");
        assertThat(points.indexOf(declined)).as("the offer comes after the incident's story")
                .isGreaterThan(points.indexOf(point(points, "ExpectationMet")));

        // live scoring publishes what moved the score, naming its cause: the plan that built trust after the disruption
        String planEventId = (String) event(point(points, "ActionPlanIssued")).get("id");
        List<ConsumerRecord<String, CloudEvent>> trustChanged = KafkaTestTopics.awaitEventsFrom(
                platform.kafka().bootstrapServers(), RelationshipTopics.EVENTS,
                read -> read.stream().anyMatch(record -> isTrustChangedBy(record, planEventId)), Duration.ofSeconds(30));
        assertThat(trustChanged).filteredOn(record -> isTrustChangedBy(record, planEventId)).singleElement()
                .satisfies(record -> assertThat(PlatformClient.data(record.value()).getDouble("trust"))
                        .isEqualTo(score(point(points, "ActionPlanIssued"), "trust", "after"), offset(1e-9)));
    }

    private static boolean isTrustChangedBy(ConsumerRecord<String, CloudEvent> record, String causeEventId) {
        return RelationshipEventTypes.TRUST_CHANGED.equals(record.value().getType())
                && causeEventId.equals(PlatformClient.data(record.value()).getString("causeEventId"));
    }

    @Test
    @Order(2)
    void relationshipKilledWhileItsOwnMomentsAndIntakeEventsFlow_servesTheTimelineAFreshComputationGives()
            throws Exception {
        // EndToEndTest kills relationship under intake's events; here the moments it publishes to itself flow too,
        // so a kill can fall between a moment's storing, its publishing and its scoring
        String clientId = uniqueClient();
        List<String> acceptedMoments = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean recording = new AtomicBoolean(true);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<?> moments = callers.submit(() -> {
                for (int i = 0; recording.get(); i++) {
                    String path = i % 2 == 0 ? "/offers-declined" : "/meetings";
                    try {
                        acceptedMoments.add(given().spec(client.json()).baseUri(client.url("relationship"))
                                .body(i % 2 == 0 ? OFFER : MEETING)
                                .when().post("/clients/" + clientId + path)
                                .then().statusCode(201).extract().path("eventId"));
                    } catch (Exception | AssertionError relationshipDown) {
                        // while relationship is dead a call fails; only the moments it answered 201 for count
                    }
                }
            });
            int issues = 10;
            Future<List<String>> reporting = callers.submit(() -> {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < issues; i++) {
                    ids.add(client.reportIssue(clientId));
                }
                return ids;
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> momentIds(clientId).size() >= 3);

            platform.service("relationship").kill();
            platform.service("relationship").restart();
            int acceptedBeforeRestart = acceptedMoments.size();
            await().atMost(Duration.ofSeconds(30)).until(() -> acceptedMoments.size() >= acceptedBeforeRestart + 4);
            recording.set(false);
            moments.get(30, TimeUnit.SECONDS);
            List<String> issueIds = reporting.get(30, TimeUnit.SECONDS);
            List<String> accepted = List.copyOf(acceptedMoments);

            // the killed consumer keeps its partitions until its session times out (Kafka's default 45 s)
            List<TimelineEvent> events = await().atMost(Duration.ofSeconds(60)).until(() -> client.timelineEvents(clientId),
                    found -> found.stream().map(TimelineEvent::id).collect(Collectors.toSet()).containsAll(accepted)
                            && found.stream().map(TimelineEvent::issueId).collect(Collectors.toSet()).containsAll(issueIds)
                            && PlatformClient.everyIssueComplete(found.stream()
                                    .filter(e -> Set.of("IssueReported", "ExpectationSet").contains(e.type())).toList()));
            assertThat(events).extracting(TimelineEvent::id).doesNotHaveDuplicates();
            // a moment in flight at the kill may have been stored without its 201 reaching us
            assertThat(events.stream().filter(e -> MOMENTS.contains(e.type())).map(TimelineEvent::id).toList())
                    .containsAll(accepted)
                    .hasSizeBetween(accepted.size(), accepted.size() + 1);

            // the default answer is the stored points the projection wrote across the kill; with asOf at its latest
            // event the engine computes the timeline afresh from the stored events, as a clean run would score them.
            // Whole timelines, every page: incident's ResponseTargetsSet may still be arriving, hence the wait
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<Map<String, Object>> stored = client.timelinePoints(clientId, Map.of());
                assertThat(stored).isNotEmpty()
                        .isEqualTo(client.timelinePoints(clientId, Map.of("asOf", client.timelineAsOf(clientId))));
            });
        } finally {
            recording.set(false);
            callers.shutdownNow();
        }
    }

    private static List<String> momentIds(String clientId) {
        return client.timelineEvents(clientId).stream().filter(e -> MOMENTS.contains(e.type()))
                .map(TimelineEvent::id).toList();
    }

    private static void assertExplained(Map<String, Object> point) {
        assertThat((String) point.get("sentence")).as("sentence of %s", event(point)).isNotBlank();
        List<Map<String, Object>> changes = changes(point);
        assertThat(changes).as("changes of %s", event(point)).allSatisfy(change -> {
            assertThat((String) change.get("rule")).isNotBlank();
            assertThat((String) change.get("sentence")).isNotBlank();
        });
        for (String dimension : List.of("trust", "loyalty")) {
            double moved = score(point, dimension, "after") - score(point, dimension, "before");
            double explained = changes.stream()
                    .filter(change -> dimension.equalsIgnoreCase((String) change.get("dimension")))
                    .mapToDouble(change -> ((Number) change.get("delta")).doubleValue()).sum();
            // nothing here nears the ends of the scale, so no change is clamped: the changes add up to the move
            assertThat(explained).as("%s changes of %s", dimension, event(point)).isCloseTo(moved, offset(1e-3));
        }
    }

    private static Map<String, Object> point(List<Map<String, Object>> points, String type) {
        return points.stream().filter(point -> type.equals(event(point).get("type"))).findFirst().orElseThrow();
    }

    private static List<String> types(List<Map<String, Object>> points) {
        return points.stream().map(point -> (String) event(point).get("type")).toList();
    }

    private static List<String> rules(Map<String, Object> point) {
        return changes(point).stream().map(change -> (String) change.get("rule")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> event(Map<String, Object> point) {
        return (Map<String, Object>) point.get("event");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> changes(Map<String, Object> point) {
        return (List<Map<String, Object>>) point.get("changes");
    }

    @SuppressWarnings("unchecked")
    private static double score(Map<String, Object> point, String dimension, String when) {
        return ((Number) ((Map<String, Object>) point.get(dimension)).get(when)).doubleValue();
    }
}
