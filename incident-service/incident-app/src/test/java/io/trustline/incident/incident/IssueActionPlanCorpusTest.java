package io.trustline.incident.incident;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.trustline.incident.intake.IntakeEvents;
import io.cloudevents.CloudEvent;
import io.trustline.incident.api.IncidentEventTypes;
import io.trustline.incident.api.IncidentTopics;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.MalformedBodies;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class IssueActionPlanCorpusTest {

    private static final String PLAN = "{\"steps\": [\"restart the payroll VM\", \"verify the bank export\"], "
            + "\"owner\": \"Sam Tech\", \"eta\": \"2099-03-02T10:00:00Z\"}";

    @Test
    void everyMalformedActionPlan_isRefusedWith4xxProblemJson_andNoneIsStored() {
        String issueId = UUID.randomUUID().toString();
        IntakeEvents.publishIssueReported("corpus-" + issueId.substring(0, 8), issueId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> incident(issueId).then().statusCode(200));

        String openApi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        List<MalformedBodies.Variant> variants = MalformedBodies.forPost(openApi, "/incidents/{issueId}/action-plan", PLAN);
        assertThat(variants).extracting(MalformedBodies.Variant::name).contains(
                "steps: string for array", "steps[0]: NUL in text", "owner: number for string",
                "eta: epoch number for date", "eta: year beyond 9999", "owner: duplicate key");

        MalformedBodies.assertEachRefused(variants, body -> {
            Response response = given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                    .body(body).when().post("/incidents/" + issueId + "/action-plan");
            return new MalformedBodies.Answer(response.statusCode(), response.contentType(), response.asString());
        });

        // the relay publishes in store order: once a valid witness plan is on the topic, any refused variant
        // that had been stored would be there before it
        given().header("Authorization", bearer(API_KEY_A)).contentType("application/json").body(PLAN)
                .when().post("/incidents/" + issueId + "/action-plan")
                .then().statusCode(201);
        List<String> plansOfThisIncident = KafkaTestTopics.awaitEvents(IncidentTopics.EVENTS,
                        records -> plansOf(records, issueId).size() >= 1)
                .stream().filter(r -> dataOf(r).contains(issueId))
                .map(r -> r.value().getType())
                .filter(IncidentEventTypes.ACTION_PLAN_ISSUED::equals)
                .toList();
        assertThat(plansOfThisIncident).as("action plans stored for the incident: the witness only").hasSize(1);
    }

    private static List<ConsumerRecord<String, CloudEvent>> plansOf(List<ConsumerRecord<String, CloudEvent>> records,
                                                                    String issueId) {
        return records.stream()
                .filter(r -> IncidentEventTypes.ACTION_PLAN_ISSUED.equals(r.value().getType()))
                .filter(r -> dataOf(r).contains(issueId))
                .toList();
    }

    private static String dataOf(ConsumerRecord<String, CloudEvent> record) {
        return new String(record.value().getData().toBytes(), StandardCharsets.UTF_8);
    }

    private static Response incident(String issueId) {
        return given().header("Authorization", bearer(API_KEY_A)).when().get("/incidents/" + issueId);
    }
}
