package io.trustline.intake.contract;

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
 * A client built from intake's OpenAPI document is accepted on its first call: each operation's published example
 * body, sent as it is (path parameters filled with resources made from the examples too), answers 2xx.
 */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class PublishedExamplesAcceptedTest {

    private static final Map<String, String> EXCEPTIONS = Map.of(
            "POST /integrations/{integrationId}/events",
            "the PSA's own callback, signed by the PSA over its raw body: its receiver tests send documented payloads");

    @Test
    void everyPublishedRequestExample_isAccepted() {
        String openApi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        List<RequestExample> examples = PublishedExamples.from(openApi, EXCEPTIONS);

        PublishedExamples.assertEachAccepted(examples, example -> {
            Response response = send(example, filled(examples, example.path()));
            return new PublishedExamples.Answer(response.statusCode(), response.asString());
        });
    }

    /** The path with each parameter the id of a resource made first from its own published example. */
    private static String filled(List<RequestExample> examples, String path) {
        String filled = path;
        if (filled.contains("{issueId}")) {
            filled = filled.replace("{issueId}", created(examples, "POST /issues", "issueId"));
        }
        if (filled.contains("{integrationId}")) {
            filled = filled.replace("{integrationId}", created(examples, "POST /integrations", "id"));
        }
        return filled;
    }

    private static String created(List<RequestExample> examples, String operation, String idField) {
        RequestExample example = examples.stream().filter(e -> e.name().equals(operation)).findFirst().orElseThrow();
        Response response = send(example, example.path());
        if (response.statusCode() != 201) {
            throw new AssertionError(operation + " (to make a path parameter) answered " + response.statusCode()
                    + " " + response.asString());
        }
        return response.path(idField);
    }

    private static Response send(RequestExample example, String path) {
        return given().header("Authorization", bearer(API_KEY_A))
                .header(IdempotencyKeys.HEADER, UUID.randomUUID().toString())
                .contentType("application/json").body(example.body().toString())
                .when().request(example.method(), path);
    }
}
