package io.trustline.notification.webhooks;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.trustline.testkit.MalformedBodies;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class RegisterWebhookEndpointCorpusTest {

    private static final String ENDPOINT = "{\"url\": \"https://partner.example/hooks\", "
            + "\"eventTypes\": [\"io.trustline.intake.IssueReported.v1\", \"io.trustline.incident.ActionPlanIssued.v1\"]}";

    @Test
    void everyMalformedRegistration_isRefusedWith4xxProblemJson_andNoEndpointIsListed() {
        String openApi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        List<MalformedBodies.Variant> variants = MalformedBodies.forPost(openApi, "/webhooks/endpoints", ENDPOINT);
        assertThat(variants).extracting(MalformedBodies.Variant::name).contains(
                "url: NUL in text", "url: number for string", "url: maxLength 2000 + 1",
                "eventTypes: string for array", "eventTypes[0]: NUL in text", "url: duplicate key");
        List<String> before = listedUrls();

        MalformedBodies.assertEachRefused(variants, body -> {
            Response response = given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                    .body(body).when().post("/webhooks/endpoints");
            return new MalformedBodies.Answer(response.statusCode(), response.contentType(), response.asString());
        });

        // the endpoint list is a read model fed in store order: once a valid witness is listed, any refused
        // variant that had been stored would be listed too
        String witness = "https://witness.example/" + UUID.randomUUID();
        given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                .body(ENDPOINT.replace("https://partner.example/hooks", witness))
                .when().post("/webhooks/endpoints")
                .then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> listedUrls().contains(witness));
        List<String> expected = new ArrayList<>(before);
        expected.add(witness);
        assertThat(listedUrls()).as("endpoints listed after the refused registrations and the witness")
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    private static List<String> listedUrls() {
        return given().header("Authorization", bearer(API_KEY_A)).when().get("/webhooks/endpoints")
                .then().statusCode(200).extract().jsonPath().getList("endpoints.url", String.class);
    }
}
