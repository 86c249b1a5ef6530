package io.trustline.notification.webhooks;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.trustline.testkit.MalformedBodies;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class ChangeWebhookEndpointCorpusTest {

    private static final String REGISTERED = "{\"url\": \"https://partner.example/hooks\", "
            + "\"eventTypes\": [\"io.trustline.intake.IssueReported.v1\"]}";
    private static final String PATCH = "{\"url\": \"https://partner.example/hooks/v2\", "
            + "\"eventTypes\": [\"io.trustline.intake.IssueReported.v1\", \"io.trustline.incident.ActionPlanIssued.v1\"], "
            + "\"filter\": \"subject == 'acme-dental'\", \"clientIds\": [\"acme-dental\"], "
            + "\"description\": \"Partner dashboard\", \"enabled\": false}";

    @Test
    void everyMalformedPatch_isRefusedWith4xxProblemJson_andTheEndpointIsUnchanged() {
        String openApi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        List<MalformedBodies.Variant> variants = MalformedBodies.forPatch(openApi, "/webhooks/endpoints/{endpointId}", PATCH);
        assertThat(variants).extracting(MalformedBodies.Variant::name).contains(
                "url: NUL in text", "eventTypes: fewer than minItems", "filter: maxLength 2000 + 1", "filter: DEL in text",
                "clientIds[0]: NUL in text", "description: empty string", "enabled: string for boolean",
                "enabled: duplicate key");
        String endpointId = given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                .body(REGISTERED).when().post("/webhooks/endpoints").then().statusCode(201).extract().path("endpointId");

        MalformedBodies.assertEachRefused(variants, body -> {
            Response response = given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                    .body(body).when().patch("/webhooks/endpoints/" + endpointId);
            return new MalformedBodies.Answer(response.statusCode(), response.contentType(), response.asString());
        });

        // the read model applies an endpoint's events in order: once the witness change shows, a refused variant that
        // had been stored would show too
        given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                .body("{\"description\": \"witness\"}").when().patch("/webhooks/endpoints/" + endpointId)
                .then().statusCode(200);
        JsonPath shown = await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", bearer(API_KEY_A))
                .when().get("/webhooks/endpoints/" + endpointId).then().statusCode(200).extract().jsonPath(),
                endpoint -> "witness".equals(endpoint.getString("description")));
        assertThat(shown.getMap("$")).containsEntry("url", "https://partner.example/hooks")
                .containsEntry("eventTypes", List.of("io.trustline.intake.IssueReported.v1"))
                .containsEntry("enabled", true)
                .doesNotContainKeys("filter", "clientIds");
    }
}
