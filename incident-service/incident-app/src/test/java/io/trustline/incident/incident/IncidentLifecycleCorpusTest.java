package io.trustline.incident.incident;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.trustline.incident.api.IncidentTopics;
import io.trustline.incident.intake.IntakeEvents;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.MalformedBodies;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class IncidentLifecycleCorpusTest {

    private static final String PLAN = "{\"steps\": [\"restart the payroll VM\"], \"owner\": \"Sam Tech\"}";
    private static final String RESOLUTION = "{\"summary\": \"VM restarted\"}";

    /**
     * Each path's incident is first brought into a state that accepts the valid body, so that a refusal can
     * only come from the body; the valid body is accepted last, and only it and the preparation are published.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "acknowledgement        | IssueAcknowledged | | {\"by\": \"Sam Tech\", \"note\": \"on it\", \"occurredAt\": \"2026-03-02T08:20:00Z\"}",
            "action-plan/completion | ActionPlanCompleted | action-plan | {\"note\": \"VM back\", \"occurredAt\": \"2026-03-02T09:00:00Z\"}",
            "updates                | ProactiveUpdateSent | | {\"message\": \"VM restarting\", \"channel\": \"EMAIL\"}",
            "chases                 | ClientChasedUpdate | | {\"channel\": \"PHONE\", \"asked\": \"any news?\"}",
            "disruptions            | ServiceDisruptionAdmitted | | {\"discovery\": \"DISCOVERED_BY_CLIENT\", \"whatHappened\": \"our patch stopped it\"}",
            "miscommunications      | MiscommunicationRecorded | | {\"misunderstanding\": \"fixed meant reachable\", \"misunderstoodBy\": \"BOTH\"}",
            "resolution             | IssueResolved | | {\"summary\": \"VM restarted\", \"occurredAt\": \"2026-03-02T09:00:00Z\"}",
            "confirmation           | ResolutionConfirmed | resolution | {\"howCriteriaMet\": true, \"checks\": [{\"check\": \"payroll runs\", \"passed\": true}], \"comment\": \"thanks\"}",
            "reopening              | IssueReopened | resolution | {\"reason\": \"payroll fails again\"}"})
    void everyMalformedBody_isRefusedWith4xxProblemJson_andNothingIsRecorded(String path, String event,
                                                                              String preparation, String validBody) {
        String issueId = UUID.randomUUID().toString();
        IntakeEvents.publishIssueReported("corpus-" + issueId.substring(0, 8), issueId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", bearer(API_KEY_A))
                .when().get("/incidents/" + issueId).then().statusCode(200));
        if (preparation != null) {
            assertThat(post(issueId, preparation, preparation.equals("action-plan") ? PLAN : RESOLUTION).statusCode())
                    .isEqualTo(201);
        }

        String openApi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        List<MalformedBodies.Variant> variants = MalformedBodies.forPost(openApi, "/incidents/{issueId}/" + path, validBody);
        assertThat(variants).isNotEmpty();
        MalformedBodies.assertEachRefused(variants, body -> {
            Response response = post(issueId, path, body);
            return new MalformedBodies.Answer(response.statusCode(), response.contentType(), response.asString());
        });
        assertThat(post(issueId, path, validBody).statusCode()).isEqualTo(201);

        String expectedType = "io.trustline.incident." + event + ".v1";
        List<String> published = KafkaTestTopics.awaitEvents(IncidentTopics.EVENTS, records -> records.stream()
                        .anyMatch(r -> dataOf(r).contains(issueId) && r.value().getType().equals(expectedType)))
                .stream().filter(r -> dataOf(r).contains(issueId)).map(r -> r.value().getType()).toList();
        // the relay publishes in store order: anything a refused body had recorded would come before the valid one
        assertThat(published).hasSize(preparation == null ? 2 : 3).endsWith(expectedType);
    }

    private static String dataOf(ConsumerRecord<String, CloudEvent> record) {
        return new String(record.value().getData().toBytes(), StandardCharsets.UTF_8);
    }

    private static Response post(String issueId, String path, String body) {
        return given().header("Authorization", bearer(API_KEY_A)).contentType("application/json").body(body)
                .when().post("/incidents/" + issueId + "/" + path);
    }
}
