package io.trustline.relationship.contract;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
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
 * A client built from relationship's OpenAPI document is accepted on its first call: each operation's published
 * example body answers 2xx, for a client of its own, after the operations whose examples it names.
 */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class PublishedExamplesAcceptedTest {

    /** The comparison's example compares the built-in model with the one the model example stores. */
    private static final Map<String, List<String>> BEFORE = Map.of(
            "POST /models/comparisons", List.of("POST /models"));

    @Test
    void everyPublishedRequestExample_isAccepted() {
        String openApi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        List<RequestExample> examples = PublishedExamples.from(openApi);

        PublishedExamples.assertEachAccepted(examples, example -> {
            String clientId = uniqueClient();
            for (String before : BEFORE.getOrDefault(example.name(), List.of())) {
                Response done = send(example(examples, before), clientId);
                if (done.statusCode() >= 300) {
                    return new PublishedExamples.Answer(done.statusCode(), "(" + before + " first) " + done.asString());
                }
            }
            Response response = send(example, clientId);
            return new PublishedExamples.Answer(response.statusCode(), response.asString());
        });
    }

    private static RequestExample example(List<RequestExample> examples, String name) {
        return examples.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("the document no longer publishes " + name));
    }

    private static Response send(RequestExample example, String clientId) {
        return given().header("Authorization", bearer(API_KEY_A))
                .header(IdempotencyKeys.HEADER, UUID.randomUUID().toString())
                .contentType("application/json").body(example.body().toString())
                .when().request(example.method(), example.path().replace("{clientId}", clientId));
    }
}
