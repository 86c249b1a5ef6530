package io.trustline.notification.contract;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.bearer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.trustline.platform.command.IdempotencyKeys;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.openapi.PublishedExamples;
import io.trustline.testkit.openapi.PublishedExamples.RequestExample;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A client built from notification's OpenAPI document is accepted on its first call: each operation's published
 * example body answers 2xx, path parameters filled with an endpoint registered from its own published example. (The
 * example endpoint's host is under the reserved .example domain: nothing is ever delivered there.)
 */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class PublishedExamplesAcceptedTest {

    @Test
    void everyPublishedRequestExample_isAccepted() {
        String openApi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        Map<String, String> notSent = Map.of("POST /webhooks/endpoints/{endpointId}/replays",
                "a fixed window grows older than the archive's retention; WebhookReplayTest sends such windows");
        List<RequestExample> examples = PublishedExamples.from(openApi, notSent);

        PublishedExamples.assertEachAccepted(examples, example -> {
            String path = example.path().contains("{endpointId}")
                    ? example.path().replace("{endpointId}", registered(examples))
                    : example.path();
            Response response = send(example, path);
            return new PublishedExamples.Answer(response.statusCode(), response.asString());
        });
    }

    private static String registered(List<RequestExample> examples) {
        RequestExample register = examples.stream().filter(e -> e.name().equals("POST /webhooks/endpoints"))
                .findFirst().orElseThrow();
        Response response = send(register, register.path());
        if (response.statusCode() != 201) {
            throw new AssertionError("POST /webhooks/endpoints (to make a path parameter) answered "
                    + response.statusCode() + " " + response.asString());
        }
        return response.path("endpointId");
    }

    private static Response send(RequestExample example, String path) {
        return given().header("Authorization", bearer(API_KEY_A))
                .header(IdempotencyKeys.HEADER, UUID.randomUUID().toString())
                .contentType("application/json").body(example.body().toString())
                .when().request(example.method(), path);
    }
}
