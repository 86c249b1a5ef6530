package io.trustline.relationship.timeline;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.API_KEY_B;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.trustline.incident.api.ActionPlanIssued;
import io.trustline.incident.api.IssueAcknowledged;
import io.trustline.intake.api.ExpectationSet;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.api.IssueReported;
import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoringmodel.ActiveModels;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Intake, incident and relationship events on Kafka become each client's scored timeline, read over REST. */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class ScoredTimelineTest {

    @Inject
    ClientEvents clientEvents;
    @Inject
    ScoredTimelines timelines;
    @Inject
    ActiveModels models;
    @Inject
    UnsummarisedClients unsummarisedClients;
    @Inject
    MongoClient mongo;
    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void eventsFromBothTopics_inAnyOrder_becomeOnePointEach_withEveryChangeExplained() {
        CatalogIssue issue = new CatalogIssue(uniqueClient());
        String planId = issue.plan();
        String ackId = issue.acknowledge();
        issue.opened();
        String expectationId = issue.expect();
        String reportId = issue.report();

        JsonPath timeline = awaitPoints(issue.clientId, 4);

        assertThat(timeline.getString("modelId")).isEqualTo("trustline-default@1");
        assertThat(timeline.getList("points.event.type"))
                .containsExactly("IssueReported", "ExpectationSet", "IssueAcknowledged", "ActionPlanIssued");
        assertThat(timeline.getList("points.event.id")).containsExactly(reportId, expectationId, ackId, planId);
        assertThat(timeline.getList("points.event.issueId")).containsOnly(issue.issueId);
        assertThat(timeline.getList("points.event.occurredAt")).containsExactly("2026-03-02T08:15:00Z",
                "2026-03-02T08:21:30Z", "2026-03-02T08:21:40Z", "2026-03-02T08:52:00Z");
        assertThat(timeline.getList("points[1].changes.rule")).containsExactly("001.expectations-first");
        assertThat(timeline.getString("points[1].changes[0].sentence")).startsWith("+2 trust: ");
        assertThat(timeline.getList("points[3].changes.rule")).containsExactly("001.action-plan-in-target");
        assertThat(timeline.getString("points[3].changes[0].sentence"))
                .startsWith("+3 trust: action plan issued 37 min after the report");
        assertThat(timeline.getDouble("points[3].trust.before")).isEqualTo(timeline.getDouble("points[2].trust.after"));
        assertThat(timeline.getDouble("points[3].trust.after")).isEqualTo(timeline.getDouble("points[3].trust.before") + 3);
        assertThat(timeline.getDouble("trust")).isEqualTo(timeline.getDouble("points[3].trust.after"));
        assertThat(timeline.getString("asOf")).isEqualTo("2026-03-02T08:52:00Z");
        assertThat(timeline.getString("nextCursor")).isNull();
    }

    @Test
    void aMomentRecordedOverRest_isScoredOnTheClientsTimeline() {
        String clientId = uniqueClient();
        given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                .body("{\"competitor\": \"Cheap IT Ltd\", \"offer\": \"20% off for a year\","
                        + " \"clientWords\": \"you were there when payroll broke\"}")
                .when().post("/clients/" + clientId + "/offers-declined")
                .then().statusCode(201);

        JsonPath timeline = awaitPoints(clientId, 1, "CompetitorOfferDeclined");
        assertThat(timeline.getList("points[0].changes.rule")).containsExactly("004.offer-declined");
        assertThat(timeline.getDouble("points[0].loyalty.after")).isGreaterThan(timeline.getDouble("points[0].loyalty.before"));
    }

    @Test
    void aLateEvent_replacesThePointsFromItsPlace_andLeavesTheEarlierOnesAlone() {
        CatalogIssue issue = new CatalogIssue(uniqueClient());
        issue.report();
        issue.expect();
        String planId = issue.plan();
        JsonPath before = awaitPoints(issue.clientId, 3);
        markStoredPoints(issue.clientId);

        String ackId = issue.acknowledge();

        JsonPath after = awaitPoints(issue.clientId, 4);
        assertThat(after.getList("points.event.id")).containsSubsequence(ackId, planId);
        assertThat(after.getList("points[0..1]")).isEqualTo(before.getList("points[0..1]"));
        assertThat(after.getDouble("points[3].trust.before")).isEqualTo(before.getDouble("points[2].trust.before") + 1);
        assertThat(storedPointsStillMarked(issue.clientId))
                .as("the points before the late acknowledgement were not written again")
                .containsExactlyInAnyOrderElementsOf(before.getList("points[0..1].event.id"));
    }

    @Test
    void aRedeliveredEvent_changesNothing() {
        CatalogIssue issue = new CatalogIssue(uniqueClient());
        String reportId = issue.report();
        issue.expect();
        JsonPath first = awaitPoints(issue.clientId, 2);

        issue.publish(IntakeTopics.EVENTS, reportId, IntakeEventTypes.ISSUE_REPORTED, IssueReported.class);
        issue.plan();

        JsonPath after = awaitPoints(issue.clientId, 3);
        assertThat(after.getList("points")).hasSize(3);
        assertThat(after.getList("points.event.id")).doesNotHaveDuplicates();
        assertThat(after.getList("points[0..1]")).isEqualTo(first.getList("points"));
    }

    @Test
    void inputStoredWithoutItsPoints_isRepairedWhenTheEventIsDeliveredAgain() {
        CatalogIssue issue = new CatalogIssue(uniqueClient());
        issue.report();
        awaitPoints(issue.clientId, 1);
        String expectationId = CatalogIssue.nextEventId();
        // what a SIGKILL between storing the input and writing its points leaves behind
        clientEvents.add(TENANT_A, issue.clientId, new ClientEvent.ExpectationSet(expectationId,
                Instant.parse("2026-03-02T08:21:30Z"), issue.issueId, ClientEvent.Scope.EVERYONE,
                ClientEvent.Impact.STOPPED, Instant.parse("2026-03-03T12:00:00Z")));

        issue.publish(IntakeTopics.EVENTS, expectationId, IntakeEventTypes.EXPECTATION_SET, ExpectationSet.class);

        JsonPath timeline = awaitPoints(issue.clientId, 2);
        assertThat(timeline.getList("points.event.type")).containsExactly("IssueReported", "ExpectationSet");
        assertThat(timeline.getList("points[1].changes.rule")).containsExactly("001.expectations-first");
    }

    @Test
    void aFirstEventCutShortAfterItsInputWasStored_isScoredWhenDeliveredAgain() {
        CatalogIssue issue = new CatalogIssue(uniqueClient());
        String reportId = CatalogIssue.nextEventId();
        // what a SIGKILL after the new client's first write, the summary of no events, leaves behind
        timelines.save(TENANT_A, ClientHistory.of(List.of(), models.of(TENANT_A)).summary(issue.clientId));
        timeline(issue.clientId, Map.of()).then().statusCode(404);
        // ... and one after its input was stored too
        clientEvents.add(TENANT_A, issue.clientId,
                new ClientEvent.IssueReported(reportId, Instant.parse("2026-03-02T08:15:00Z"), issue.issueId));

        issue.publish(IntakeTopics.EVENTS, reportId, IntakeEventTypes.ISSUE_REPORTED, IssueReported.class);
        issue.expect();

        JsonPath timeline = awaitPoints(issue.clientId, 2);
        assertThat(timeline.getList("points.event.type")).containsExactly("IssueReported", "ExpectationSet");
        assertThat(timeline.getList("points.event.id")).doesNotHaveDuplicates();
    }

    @Test
    void eventsStoredWithoutASummaryByAnEarlierRelease_areScoredWithTheClientsNextEvent() {
        CatalogIssue issue = new CatalogIssue(uniqueClient());
        String reportId = CatalogIssue.nextEventId();
        // an earlier release stored the first event before the summary, and stopped in between
        clientEvents.add(TENANT_A, issue.clientId,
                new ClientEvent.IssueReported(reportId, Instant.parse("2026-03-02T08:15:00Z"), issue.issueId));

        assertThat(unsummarisedClients.markClientsWithoutSummary()).as("clients given a summary").isPositive();
        assertThat(unsummarisedClients.markClientsWithoutSummary()).as("a second pass").isZero();
        issue.expect();

        JsonPath timeline = awaitPoints(issue.clientId, 2);
        assertThat(timeline.getList("points.event.type")).containsExactly("IssueReported", "ExpectationSet");
    }

    @Test
    void asOf_showsTheTimelineAsItStoodThen_withTheClockTicksUpToIt() {
        String clientId = uniqueClient();
        CatalogIssue march = new CatalogIssue(clientId);
        march.report();
        march.expect();
        CatalogIssue april = new CatalogIssue(clientId, Duration.ofDays(40));
        april.report();
        JsonPath now = awaitPoints(clientId, 3);

        JsonPath then = timeline(clientId, Map.of("asOf", "2026-03-25T00:00:00Z")).then().statusCode(200)
                .extract().jsonPath();

        assertThat(now.getList("points.event.type")).contains("ClockTick");
        assertThat(then.getString("asOf")).isEqualTo("2026-03-25T00:00:00Z");
        assertThat(then.getList("points.event.issueId")).doesNotContain(april.issueId);
        assertThat(then.getList("points")).isEqualTo(now.getList("points").subList(0, then.getList("points").size()));
        assertThat(then.getList("points.event.type")).contains("ClockTick");
        assertThat(timeline(clientId, Map.of("asOf", "2026-03-01T00:00:00Z")).then().statusCode(200)
                .extract().jsonPath().getList("points")).isEmpty();
    }

    @Test
    void pagesFollowingTheCursor_holdTheWholeTimelineOnce_storedAndComputedAlike() {
        String clientId = uniqueClient();
        CatalogIssue march = new CatalogIssue(clientId);
        march.report();
        march.expect();
        march.acknowledge();
        march.plan();
        new CatalogIssue(clientId, Duration.ofDays(40)).report();
        List<Object> all = awaitPoints(clientId, 5, "IssueReported", "ExpectationSet", "IssueAcknowledged",
                "ActionPlanIssued", "IssueReported").getList("points");

        assertThat(pagedThrough(clientId, Map.of())).isEqualTo(all);
        assertThat(pagedThrough(clientId, Map.of("asOf", "2026-06-01T00:00:00Z"))).startsWith(all.toArray());
        assertThat(pagedThrough(clientId, Map.of("model", "trustline-default@1"))).isEqualTo(all);
    }

    @Test
    void anUnknownModel_isA400NamingIt() {
        CatalogIssue issue = new CatalogIssue(uniqueClient());
        issue.report();
        awaitPoints(issue.clientId, 1);

        timeline(issue.clientId, Map.of("model", "acme-strict@7")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("model"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("acme-strict@7"));
    }

    @Test
    void badParameters_areA400NamingThem() {
        String clientId = uniqueClient();
        for (Map.Entry<String, String> bad : List.of(Map.entry("asOf", "yesterday"), Map.entry("limit", "0"),
                Map.entry("limit", "many"), Map.entry("cursor", "bm90LWEtY3Vyc29y"), Map.entry("model", "no-version"))) {
            timeline(clientId, Map.of(bad.getKey(), bad.getValue())).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo(bad.getKey()));
        }
    }

    @Test
    void anotherTenantsClient_andAClientWithoutEvents_are404() {
        CatalogIssue issue = new CatalogIssue(uniqueClient());
        issue.report();
        awaitPoints(issue.clientId, 1);

        given().header("Authorization", bearer(API_KEY_B)).when().get("/clients/" + issue.clientId + "/timeline")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", bearer(API_KEY_B)).queryParam("asOf", "2026-04-01T00:00:00Z")
                .when().get("/clients/" + issue.clientId + "/timeline").then().statusCode(404);
        timeline(uniqueClient(), Map.of()).then().statusCode(404);
    }

    @Test
    void withoutAKey_is401() {
        given().when().get("/clients/anyone/timeline").then().statusCode(401);
    }

    private static List<Object> pagedThrough(String clientId, Map<String, String> query) {
        List<Object> points = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, String> page = new java.util.HashMap<>(query);
            page.put("limit", "2");
            if (cursor != null) {
                page.put("cursor", cursor);
            }
            JsonPath answer = timeline(clientId, page).then().statusCode(200).extract().jsonPath();
            assertThat(answer.getList("points")).hasSizeLessThanOrEqualTo(2);
            points.addAll(answer.getList("points"));
            cursor = answer.getString("nextCursor");
        } while (cursor != null);
        return points;
    }

    private static Response timeline(String clientId, Map<String, String> query) {
        return given().header("Authorization", bearer(API_KEY_A)).queryParams(query).when()
                .get("/clients/" + clientId + "/timeline");
    }

    /** Waits until the timeline has at least {@code count} event points (of the given types, in that order, if any). */
    private static JsonPath awaitPoints(String clientId, int count, String... types) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response response = timeline(clientId, Map.of());
            return response.statusCode() == 200 ? response.jsonPath() : null;
        }, timeline -> {
            if (timeline == null) {
                return false;
            }
            List<String> events = timeline.getList("points.findAll { it.kind == 'EVENT' }.event.type");
            return events.size() >= count && (types.length == 0 || events.equals(List.of(types)));
        });
    }

    private void markStoredPoints(String clientId) {
        mongo.getDatabase(database).getCollection("timeline_points")
                .updateMany(Filters.eq("clientId", clientId), Updates.set("markedByTest", true));
    }

    private List<String> storedPointsStillMarked(String clientId) {
        return mongo.getDatabase(database).getCollection("timeline_points")
                .find(Filters.and(Filters.eq("clientId", clientId), Filters.eq("markedByTest", true)))
                .map(point -> point.get("event", Document.class).getString("id"))
                .into(new ArrayList<>());
    }

}
