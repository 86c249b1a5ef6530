package io.trustline.incident.incident;

import static io.restassured.RestAssured.given;
import static io.trustline.incident.intake.IntakeEvents.publishIssueReported;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.API_KEY_B;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.nullValue;

import io.cloudevents.CloudEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.trustline.incident.api.IncidentEventTypes;
import io.trustline.incident.api.IncidentTopics;
import io.trustline.platform.command.IdempotencyKeys;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class IncidentLifecycleResourceTest {

    @Test
    void oneIncident_walksThroughEveryCommand_andEachIsPublishedInOrder() {
        String clientId = uniqueClient();
        String issueId = openIncident(clientId);

        post(issueId, "acknowledgement", "{\"by\": \"Sam Tech\", \"note\": \"on it\", \"occurredAt\": \"2026-03-02T08:20:00Z\"}")
                .statusCode(201)
                .header("Location", endsWith("/incidents/" + issueId))
                .body("acknowledgement.by", equalTo("Sam Tech"))
                .body("acknowledgement.acknowledgedAt", equalTo("2026-03-02T08:20:00Z"));
        post(issueId, "action-plan", "{\"steps\": [\"restart the payroll VM\"], \"owner\": \"Sam Tech\"}").statusCode(201);
        post(issueId, "updates", "{\"message\": \"VM restarting\", \"channel\": \"EMAIL\"}")
                .statusCode(201).body("updates.count", equalTo(1)).body("updates.last.channel", equalTo("EMAIL"));
        post(issueId, "chases", "{\"channel\": \"PHONE\", \"asked\": \"any news?\"}")
                .statusCode(201).body("chases.count", equalTo(1));
        post(issueId, "disruptions", "{\"discovery\": \"DISCLOSED_BY_PROVIDER\", \"whatHappened\": \"our patch stopped it\"}")
                .statusCode(201).body("lastDisruption.discovery", equalTo("DISCLOSED_BY_PROVIDER"));
        post(issueId, "miscommunications", "{\"misunderstanding\": \"fixed meant reachable\", \"misunderstoodBy\": \"CLIENT\"}")
                .statusCode(201).body("lastMiscommunication.misunderstoodBy", equalTo("CLIENT"));
        post(issueId, "action-plan/completion", "{\"note\": \"VM back\"}")
                .statusCode(201).body("actionPlan.completionNote", equalTo("VM back"));
        post(issueId, "resolution", "{\"summary\": \"VM restarted, export tested\"}")
                .statusCode(201).body("state", equalTo("RESOLVED"));
        post(issueId, "confirmation", "{\"howCriteriaMet\": false, \"checks\": [{\"check\": \"payroll runs\", \"passed\": false}], "
                + "\"comment\": \"still failing\"}")
                .statusCode(201).body("state", equalTo("CONFIRMED")).body("confirmation.checks[0].passed", equalTo(false));
        post(issueId, "reopening", "{\"reason\": \"payroll still fails\"}")
                .statusCode(201).body("state", equalTo("OPEN"));

        assertThat(incidentEventsOf(clientId, 11)).extracting(r -> r.value().getType()).containsExactly(
                IncidentEventTypes.INCIDENT_OPENED, IncidentEventTypes.ISSUE_ACKNOWLEDGED,
                IncidentEventTypes.ACTION_PLAN_ISSUED, IncidentEventTypes.PROACTIVE_UPDATE_SENT,
                IncidentEventTypes.CLIENT_CHASED_UPDATE, IncidentEventTypes.SERVICE_DISRUPTION_ADMITTED,
                IncidentEventTypes.MISCOMMUNICATION_RECORDED, IncidentEventTypes.ACTION_PLAN_COMPLETED,
                IncidentEventTypes.ISSUE_RESOLVED, IncidentEventTypes.RESOLUTION_CONFIRMED,
                IncidentEventTypes.ISSUE_REOPENED);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(issueId).statusCode(200)
                .body("state", equalTo("OPEN"))
                .body("lastReopening.reason", equalTo("payroll still fails"))
                .body("acknowledgement.by", equalTo("Sam Tech"))
                .body("actionPlan.steps", hasItem("restart the payroll VM"))
                .body("actionPlan.completionNote", equalTo("VM back"))
                .body("updates.count", equalTo(1))
                .body("chases.last.asked", equalTo("any news?"))
                .body("resolution.summary", equalTo("VM restarted, export tested"))
                .body("confirmation.howCriteriaMet", equalTo(false)));
    }

    @Test
    void aForbiddenTransition_is409_namingTheState_andNothingIsPublished() {
        String clientId = uniqueClient();
        String issueId = openIncident(clientId);

        post(issueId, "confirmation", "{\"howCriteriaMet\": true}")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("state", equalTo("OPEN"))
                .body("allowed", hasItem("ResolveIssue"))
                .body("detail", containsString("ConfirmResolution is not allowed: the issue is not resolved."));
        post(issueId, "resolution", "{\"summary\": \"fixed\"}").statusCode(201);
        post(issueId, "resolution", "{\"summary\": \"fixed again\"}")
                .statusCode(409).body("state", equalTo("RESOLVED")).body("detail", containsString("already resolved"));

        assertThat(eventTypesAfterWitness(clientId, issueId)).containsExactly(
                IncidentEventTypes.INCIDENT_OPENED, IncidentEventTypes.ISSUE_RESOLVED);
    }

    @Test
    void occurredAtInTheFutureOrBeforeOpening_is400_namingIt_andABadBodyNamesItsField() {
        String clientId = uniqueClient();
        String issueId = openIncident(clientId);

        post(issueId, "updates", "{\"message\": \"soon\", \"channel\": \"EMAIL\", \"occurredAt\": \""
                + Instant.now().plus(Duration.ofMinutes(10)) + "\"}")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("occurredAt"))
                .body("errors.message", hasItem(containsString("future")));
        post(issueId, "updates", "{\"message\": \"soon\", \"channel\": \"EMAIL\", \"occurredAt\": \"2026-03-01T08:00:00Z\"}")
                .statusCode(400).body("errors.field", hasItem("occurredAt"))
                .body("errors.message", hasItem(containsString("before the incident was opened")));
        post(issueId, "updates", "{\"message\": \"soon\", \"channel\": \"FAX\"}")
                .statusCode(400).body("errors.field", hasItem("channel"));
        post(issueId, "confirmation", "{\"checks\": [{\"check\": \"payroll runs\"}]}")
                .statusCode(400).body("errors.field", hasItem("howCriteriaMet")).body("errors.field", hasItem("checks[0].passed"));

        assertThat(eventTypesAfterWitness(clientId, issueId)).containsExactly(IncidentEventTypes.INCIDENT_OPENED);
    }

    @Test
    void anotherTenantsIncident_is404_forEveryCommand() {
        String issueId = openIncident(uniqueClient());

        given().header("Authorization", bearer(API_KEY_B)).contentType("application/json").body("{\"summary\": \"fixed\"}")
                .when().post("/incidents/" + issueId + "/resolution")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", bearer(API_KEY_B)).contentType("application/json").body("{\"by\": \"Eve\"}")
                .when().post("/incidents/" + issueId + "/acknowledgement")
                .then().statusCode(404).contentType("application/problem+json");
        get(issueId).statusCode(200).body("state", equalTo("OPEN"));
    }

    @Test
    void aRetriedUpdate_withItsIdempotencyKey_getsTheFirstAnswerAgain_andIsPublishedOnce() {
        String clientId = uniqueClient();
        String issueId = openIncident(clientId);
        String key = UUID.randomUUID().toString();
        String body = "{\"message\": \"VM restarting\", \"channel\": \"EMAIL\"}";

        String first = postWithKey(API_KEY_A, issueId, "updates", key, body)
                .statusCode(201).header(IdempotencyKeys.REPLAYED, nullValue()).body("updates.count", equalTo(1))
                .extract().asString();
        String again = postWithKey(API_KEY_A, issueId, "updates", key, body)
                .statusCode(200).header(IdempotencyKeys.REPLAYED, "true").header("Location", endsWith("/incidents/" + issueId))
                .extract().asString();
        assertThat(again).isEqualTo(first);

        postWithKey(API_KEY_A, issueId, "updates", key, "{\"message\": \"VM restarted\", \"channel\": \"EMAIL\"}")
                .statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("Idempotency-Key was already used on incident '" + issueId + "'"));
        postWithKey(API_KEY_B, issueId, "updates", key, body)
                .statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No incident with id '" + issueId + "'."));

        assertThat(eventTypesAfterWitness(clientId, issueId)).containsExactly(
                IncidentEventTypes.INCIDENT_OPENED, IncidentEventTypes.PROACTIVE_UPDATE_SENT);
    }

    private static String openIncident(String clientId) {
        String issueId = UUID.randomUUID().toString();
        publishIssueReported(clientId, issueId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(issueId).statusCode(200));
        return issueId;
    }

    private static ValidatableResponse post(String issueId, String path, String body) {
        return given().header("Authorization", bearer(API_KEY_A)).contentType("application/json").body(body)
                .when().post("/incidents/" + issueId + "/" + path).then();
    }

    private static ValidatableResponse postWithKey(String apiKey, String issueId, String path, String idempotencyKey,
                                                   String body) {
        return given().header("Authorization", bearer(apiKey)).header(IdempotencyKeys.HEADER, idempotencyKey)
                .contentType("application/json").body(body)
                .when().post("/incidents/" + issueId + "/" + path).then();
    }

    private static ValidatableResponse get(String issueId) {
        return given().header("Authorization", bearer(API_KEY_A)).when().get("/incidents/" + issueId).then();
    }

    /** The client's events up to a witness event stored after the calls under test, which the relay publishes in store order. */
    private static List<String> eventTypesAfterWitness(String clientId, String issueId) {
        String witness = openIncident(clientId);
        return KafkaTestTopics.awaitEvents(IncidentTopics.EVENTS, records -> records.stream()
                        .anyMatch(r -> dataOf(r).contains(witness)))
                .stream().filter(r -> dataOf(r).contains(issueId)).map(r -> r.value().getType()).toList();
    }

    private static List<ConsumerRecord<String, CloudEvent>> incidentEventsOf(String clientId, int atLeast) {
        return KafkaTestTopics.awaitEvents(IncidentTopics.EVENTS, records -> records.stream()
                        .filter(r -> clientId.equals(r.value().getSubject())).count() >= atLeast)
                .stream().filter(r -> clientId.equals(r.value().getSubject())).toList();
    }

    private static String dataOf(ConsumerRecord<String, CloudEvent> record) {
        return new String(record.value().getData().toBytes(), StandardCharsets.UTF_8);
    }
}
