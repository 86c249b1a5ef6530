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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A client built from notification's OpenAPI document is accepted on its first call: each operation's published
 * example body answers 2xx. (The example endpoint's host is under the reserved .example domain: nothing is ever
 * delivered there.)
 */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class PublishedExamplesAcceptedTest {

    @Test
    void everyPublishedRequestExample_isAccepted() {
        String openApi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();

        Map<String, String> notSent = Map.of("POST /webhooks/endpoints/{endpointId}/replays",
                "needs a registered endpoint, and a fixed window grows older than the archive's retention; "
                        + "WebhookReplayTest sends such windows");
        PublishedExamples.assertEachAccepted(PublishedExamples.from(openApi, notSent), example -> {
            Response response = given().header("Authorization", bearer(API_KEY_A))
                    .header(IdempotencyKeys.HEADER, UUID.randomUUID().toString())
                    .contentType("application/json").body(example.body().toString())
                    .when().request(example.method(), example.path());
            return new PublishedExamples.Answer(response.statusCode(), response.asString());
        });
    }
}
