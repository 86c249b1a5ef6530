package io.trustline.incident.incident;

import static io.restassured.RestAssured.given;
import static io.trustline.incident.intake.IntakeEvents.expectationSet;
import static io.trustline.incident.intake.IntakeEvents.issueReported;
import static io.trustline.incident.intake.IntakeEvents.publishIssueReported;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.API_KEY_B;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.contains;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A service manager's questions: which incidents does this client have, which are still open, what happened, which
 * targets were met or missed and what is due next.
 */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class IncidentQueriesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aClientsIncidents_comePageByPage_filteredByState() {
        String clientId = uniqueClient();
        List<String> opened = List.of(open(clientId), open(clientId), open(clientId));
        String resolved = opened.get(1);
        post(resolved, "resolution", "{\"summary\": \"fixed\"}");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                page(API_KEY_A, Map.of("clientId", clientId, "state", "RESOLVED")).getList("items").size() == 1);

        JsonPath first = page(API_KEY_A, Map.of("clientId", clientId, "limit", 2));
        JsonPath second = page(API_KEY_A, Map.of("clientId", clientId, "limit", 2, "cursor", first.getString("nextCursor")));

        List<String> paged = new ArrayList<>(first.getList("items.issueId", String.class));
        paged.addAll(second.getList("items.issueId", String.class));
        assertThat(first.getList("items")).hasSize(2);
        assertThat(second.getList("items")).hasSize(1);
        assertThat(second.getString("nextCursor")).isNull();
        assertThat(paged).containsExactlyInAnyOrderElementsOf(opened).doesNotHaveDuplicates();
        assertThat(page(API_KEY_A, Map.of("clientId", clientId, "state", "RESOLVED")).getList("items.issueId"))
                .containsExactly(resolved);
        assertThat(page(API_KEY_A, Map.of("clientId", clientId, "state", "OPEN")).getList("items.issueId", String.class))
                .containsExactlyInAnyOrder(opened.get(0), opened.get(2));
        assertThat(page(API_KEY_B, Map.of("clientId", clientId)).getList("items")).as("another tenant's view").isEmpty();
    }

    @Test
    void anIncident_showsItsHistory_oldestFirst() {
        String issueId = open(uniqueClient());
        post(issueId, "acknowledgement", "{\"by\": \"Sam Tech\"}");
        post(issueId, "resolution", "{\"summary\": \"fixed\"}");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(incident(issueId).getList("history.type")).containsExactly(
                        "IncidentOpened", "IssueAcknowledged", "IssueResolved"));
        JsonPath incident = incident(issueId);
        assertThat(incident.getList("history.eventId", String.class)).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(incident.getString("history[0].occurredAt")).isEqualTo(incident.getString("openedAt"));
    }

    @Test
    void freshTargets_areAllPending_andAnAcknowledgementInTime_isMet_andMovesTheNextDeadline() throws Exception {
        useTargetsForTheGoldenExpectation("PT1H", "PT2H", "PT3H");
        Instant reportedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant resolveBy = reportedAt.plus(Duration.ofDays(2));
        String issueId = openWithExpectation(reportedAt, resolveBy);

        JsonPath fresh = incident(issueId);
        assertThat(fresh.getString("targets.acknowledge.status")).isEqualTo("PENDING");
        assertThat(instant(fresh, "targets.acknowledge.dueAt")).isEqualTo(reportedAt.plus(Duration.ofHours(1)));
        assertThat(fresh.getString("targets.plan.status")).isEqualTo("PENDING");
        assertThat(fresh.getString("targets.resolve.status")).isEqualTo("PENDING");
        assertThat(instant(fresh, "targets.resolve.dueAt")).isEqualTo(resolveBy);
        assertThat(fresh.getString("targets.updates.status")).isEqualTo("PENDING");
        assertThat(instant(fresh, "targets.updates.nextDueAt")).isEqualTo(reportedAt.plus(Duration.ofHours(3)));
        assertThat(fresh.getString("nextDeadline.kind")).isEqualTo("ACKNOWLEDGE");
        assertThat(instant(fresh, "nextDeadline.dueAt")).isEqualTo(reportedAt.plus(Duration.ofHours(1)));

        post(issueId, "acknowledgement", "{\"by\": \"Sam Tech\"}");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "MET".equals(incident(issueId).getString("targets.acknowledge.status")));
        JsonPath acknowledged = incident(issueId);
        assertThat(acknowledged.getString("targets.acknowledge.metAt"))
                .isEqualTo(acknowledged.getString("acknowledgement.acknowledgedAt"));
        assertThat(acknowledged.getString("targets.acknowledge.missedAt")).isNull();
        assertThat(acknowledged.getString("nextDeadline.kind")).isEqualTo("PLAN");
        assertThat(instant(acknowledged, "nextDeadline.dueAt")).isEqualTo(reportedAt.plus(Duration.ofHours(2)));
    }

    @Test
    void anAcknowledgementTargetOfSeconds_isMissedAtItsTarget_andALateAcknowledgementIsItsMetAt() throws Exception {
        useTargetsForTheGoldenExpectation("PT2S", "P1D", "P1D");
        Instant reportedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String issueId = openWithExpectation(reportedAt, reportedAt.plus(Duration.ofDays(2)));
        Instant acknowledgeBy = reportedAt.plusSeconds(2);

        await().atMost(Duration.ofSeconds(60)).until(() ->
                "MISSED".equals(incident(issueId).getString("targets.acknowledge.status")));
        JsonPath missed = incident(issueId);
        assertThat(instant(missed, "targets.acknowledge.missedAt")).isEqualTo(acknowledgeBy);
        assertThat(missed.getString("targets.acknowledge.metAt")).isNull();
        assertThat(missed.getString("nextDeadline.kind")).isEqualTo("PLAN");

        post(issueId, "acknowledgement", "{\"by\": \"Sam Tech\"}");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                incident(issueId).getString("targets.acknowledge.metAt") != null);
        JsonPath late = incident(issueId);
        assertThat(late.getString("targets.acknowledge.status")).isEqualTo("MISSED");
        assertThat(instant(late, "targets.acknowledge.missedAt")).isEqualTo(acknowledgeBy);
        assertThat(late.getString("targets.acknowledge.metAt"))
                .isEqualTo(late.getString("acknowledgement.acknowledgedAt"));
    }

    @Test
    void theOpenApi_namesEveryStatusAndDeadlineKind() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.TargetStatus.enum", contains("PENDING", "MET", "MISSED"))
                .body("components.schemas.UpdateStatus.enum", contains("PENDING", "OVERDUE", "NOT_DUE"))
                .body("components.schemas.DeadlineKind.enum", contains("ACKNOWLEDGE", "PLAN", "UPDATE", "RESOLVE"));
    }

    @Test
    void aBadFilter_is400_namingIt() {
        given().header("Authorization", bearer(API_KEY_A)).queryParam("state", "CLOSED")
                .when().get("/incidents")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("state"));
        given().header("Authorization", bearer(API_KEY_A)).queryParam("limit", 0)
                .when().get("/incidents")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("limit"));
        given().header("Authorization", bearer(API_KEY_A)).queryParam("limit", "many")
                .when().get("/incidents")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("limit"))
                .body("errors.message", hasItem("'many' is not a whole number."));
        given().header("Authorization", bearer(API_KEY_A)).queryParam("cursor", "bm90LWEtY3Vyc29y")
                .when().get("/incidents")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("cursor"));
    }

    private static String open(String clientId) {
        String issueId = UUID.randomUUID().toString();
        publishIssueReported(clientId, issueId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", bearer(API_KEY_A)).when().get("/incidents/" + issueId)
                        .then().statusCode(200));
        return issueId;
    }

    /** The tenant's policy for the golden expectation's cell, STOPPED on EVERYONE; resolveBy is the client's own. */
    private static void useTargetsForTheGoldenExpectation(String acknowledge, String actionPlan, String updateEvery)
            throws Exception {
        ObjectNode policy = (ObjectNode) MAPPER.readTree(given().header("Authorization", bearer(API_KEY_A))
                .when().get("/policies/response").then().statusCode(200).extract().asString());
        policy.remove("version");
        ((ObjectNode) policy.at("/cells/STOPPED/EVERYONE")).put("acknowledge", acknowledge)
                .put("actionPlan", actionPlan).put("updateEvery", updateEvery).put("resolve", "P2D");
        given().header("Authorization", bearer(API_KEY_A)).contentType(ContentType.JSON)
                .body(policy.toString()).when().put("/policies/response").then().statusCode(200);
    }

    /** Reported at {@code reportedAt} with the golden expectation; answers once the incident holds its targets. */
    private static String openWithExpectation(Instant reportedAt, Instant resolveBy) {
        String clientId = uniqueClient();
        String issueId = UUID.randomUUID().toString();
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, UUID.randomUUID().toString(), IntakeEventTypes.ISSUE_REPORTED,
                issueReported(clientId, issueId).with("occurredAt", reportedAt.toString()));
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, UUID.randomUUID().toString(), IntakeEventTypes.EXPECTATION_SET,
                expectationSet(clientId, issueId).with("expectation.when.resolveBy", resolveBy.toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var answer = given().header("Authorization", bearer(API_KEY_A)).when().get("/incidents/" + issueId);
            return answer.statusCode() == 200 && answer.jsonPath().getString("targets.acknowledge.status") != null;
        });
        return issueId;
    }

    private static Instant instant(JsonPath json, String path) {
        return Instant.parse(json.getString(path));
    }

    private static void post(String issueId, String path, String body) {
        given().header("Authorization", bearer(API_KEY_A)).contentType("application/json").body(body)
                .when().post("/incidents/" + issueId + "/" + path)
                .then().statusCode(201);
    }

    private static JsonPath incident(String issueId) {
        return given().header("Authorization", bearer(API_KEY_A)).when().get("/incidents/" + issueId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath page(String apiKey, Map<String, ?> query) {
        return given().header("Authorization", bearer(apiKey)).queryParams(query)
                .when().get("/incidents")
                .then().statusCode(200).extract().jsonPath();
    }
}
