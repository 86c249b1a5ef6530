package io.trustline.incident.incident;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.trustline.incident.intake.IntakeEvents;
import io.trustline.testkit.MalformedBodies;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class IssueActionPlanCorpusTest {

    private static final String PLAN = "{\"steps\": [\"restart the payroll VM\", \"verify the bank export\"], "
            + "\"owner\": \"Sam Tech\", \"eta\": \"2099-03-02T10:00:00Z\"}";

    @Test
    void everyMalformedActionPlan_isRefusedWith4xxProblemJson_andTheIncidentHasNoPlan() {
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
        incident(issueId).then().statusCode(200).body("actionPlan", nullValue());
    }

    private static Response incident(String issueId) {
        return given().header("Authorization", bearer(API_KEY_A)).when().get("/incidents/" + issueId);
    }
}
