package io.trustline.incident.incident;

import static io.restassured.RestAssured.given;
import static io.trustline.incident.intake.IntakeEvents.issueReported;
import static io.trustline.incident.intake.IntakeEvents.publishIssueReported;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.API_KEY_B;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.cloudevents.CloudEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trustline.incident.api.IncidentEventTypes;
import io.trustline.incident.api.IncidentTopics;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.api.IssueReported;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.golden.GoldenExample;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class IncidentResourceTest {

    private static final String PLAN = "{\"steps\": [\"restart the payroll VM\", \"verify the bank export\"], \"owner\": \"Sam Tech\", \"eta\": \"2026-03-02T10:00:00Z\"}";

    @Test
    void anIssueReportedByIntake_opensAnIncident_publishedOnce() {
        String clientId = uniqueClient();
        String issueId = UUID.randomUUID().toString();
        GoldenExample<IssueReported> reported = issueReported(clientId, issueId);
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, UUID.randomUUID().toString(), IntakeEventTypes.ISSUE_REPORTED,
                reported);

        awaitIncident(issueId);
        given().header("Authorization", bearer(API_KEY_A)).when().get("/incidents/" + issueId)
                .then().statusCode(200)
                .body("clientId", equalTo(clientId))
                .body("summary", equalTo(reported.text("summary")))
                .body("openedAt", equalTo(reported.text("occurredAt")));

        // the relay publishes in store order: a second copy of the first incident would precede the witness's
        String witnessIssue = UUID.randomUUID().toString();
        publishIssueReported(clientId, witnessIssue);
        List<ConsumerRecord<String, CloudEvent>> published = ofClient(KafkaTestTopics.awaitEvents(IncidentTopics.EVENTS,
                records -> records.stream().anyMatch(r -> dataOf(r).contains(witnessIssue))), clientId);
        assertThat(published).hasSize(2).extracting(r -> r.value().getType()).containsOnly(IncidentEventTypes.INCIDENT_OPENED);
        assertThat(published).filteredOn(r -> dataOf(r).contains(issueId)).hasSize(1);
    }

    @Test
    void theSameIssueReportedDeliveredTwice_opensOneIncident() {
        String clientId = uniqueClient();
        String issueId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        publishIssueReported(eventId, clientId, issueId);
        publishIssueReported(eventId, clientId, issueId);
        // a later event of the same client on the same partition proves both copies were consumed
        String witnessIssue = UUID.randomUUID().toString();
        publishIssueReported(clientId, witnessIssue);
        awaitIncident(witnessIssue);

        // the relay publishes in store order: anything the duplicate caused precedes the witness's event
        List<ConsumerRecord<String, CloudEvent>> published = KafkaTestTopics.awaitEvents(IncidentTopics.EVENTS,
                records -> records.stream().anyMatch(r -> new String(r.value().getData().toBytes()).contains(witnessIssue)));
        assertThat(ofClient(published, clientId)).hasSize(2);
    }

    @Test
    void anActionPlan_isPublishedAsACloudEventForTheClient() {
        String clientId = uniqueClient();
        String issueId = UUID.randomUUID().toString();
        publishIssueReported(clientId, issueId);
        awaitIncident(issueId);

        given().header("Authorization", bearer(API_KEY_A)).contentType("application/json").body(PLAN)
                .when().post("/incidents/" + issueId + "/action-plan")
                .then().statusCode(201)
                .body("actionPlan.owner", equalTo("Sam Tech"))
                .body("actionPlan.steps", hasItem("verify the bank export"));

        ConsumerRecord<String, CloudEvent> plan = incidentEventsOf(clientId, 2).get(1);
        assertThat(plan.value().getType()).isEqualTo(IncidentEventTypes.ACTION_PLAN_ISSUED);
        assertThat(plan.key()).isEqualTo(TENANT_A + ":" + clientId);
        assertThat(KafkaTestTopics.header(plan, "ce_source")).isEqualTo("/trustline/incident");
        assertThat(KafkaTestTopics.header(plan, "ce_subject")).isEqualTo(clientId);
        assertThat(KafkaTestTopics.header(plan, "ce_tenantid")).isEqualTo(TENANT_A);
        assertThat(new String(plan.value().getData().toBytes())).contains("\"issueId\":\"" + issueId + "\"", "Sam Tech");
    }

    @Test
    void anActionPlanWithoutSteps_is400_namingTheField_andNothingIsPublished() {
        String clientId = uniqueClient();
        String issueId = UUID.randomUUID().toString();
        publishIssueReported(clientId, issueId);
        awaitIncident(issueId);

        given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                .body("{\"steps\": [], \"owner\": \"Sam Tech\"}")
                .when().post("/incidents/" + issueId + "/action-plan")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("steps"));
        given().header("Authorization", bearer(API_KEY_A)).contentType("application/json").body(PLAN)
                .when().post("/incidents/" + issueId + "/action-plan")
                .then().statusCode(201);

        assertThat(incidentEventsOf(clientId, 2)).extracting(r -> r.value().getType())
                .containsExactly(IncidentEventTypes.INCIDENT_OPENED, IncidentEventTypes.ACTION_PLAN_ISSUED);
    }

    @Test
    void anotherTenantsIncident_andAnUnknownOne_are404() {
        String issueId = UUID.randomUUID().toString();
        publishIssueReported(uniqueClient(), issueId);
        awaitIncident(issueId);

        given().header("Authorization", bearer(API_KEY_B)).when().get("/incidents/" + issueId)
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", bearer(API_KEY_B)).contentType("application/json").body(PLAN)
                .when().post("/incidents/" + issueId + "/action-plan")
                .then().statusCode(404);
        given().header("Authorization", bearer(API_KEY_A)).contentType("application/json").body(PLAN)
                .when().post("/incidents/" + UUID.randomUUID() + "/action-plan")
                .then().statusCode(404);
    }

    @Test
    void withoutAKey_is401() {
        given().when().get("/incidents/" + UUID.randomUUID()).then().statusCode(401);
    }

    private static void awaitIncident(String issueId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", bearer(API_KEY_A)).when().get("/incidents/" + issueId)
                        .then().statusCode(200));
    }

    private static List<ConsumerRecord<String, CloudEvent>> incidentEventsOf(String clientId, int atLeast) {
        return KafkaTestTopics.awaitEvents(IncidentTopics.EVENTS, records -> ofClient(records, clientId).size() >= atLeast)
                .stream().filter(r -> clientId.equals(r.value().getSubject())).toList();
    }

    private static String dataOf(ConsumerRecord<String, CloudEvent> record) {
        return new String(record.value().getData().toBytes(), StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, CloudEvent>> ofClient(List<ConsumerRecord<String, CloudEvent>> records, String clientId) {
        return records.stream().filter(r -> clientId.equals(r.value().getSubject())).toList();
    }
}
