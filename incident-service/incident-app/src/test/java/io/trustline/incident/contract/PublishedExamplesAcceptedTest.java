package io.trustline.incident.contract;

import static io.restassured.RestAssured.given;
import static io.trustline.incident.intake.IntakeEvents.publishIssueReported;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.trustline.platform.command.IdempotencyKeys;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.openapi.PublishedExamples;
import io.trustline.testkit.openapi.PublishedExamples.RequestExample;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A client built from incident's OpenAPI document is accepted on its first call: each operation's published example
 * body answers 2xx, sent to an incident opened from intake's event and brought to the state the operation needs by
 * the published examples of the operations before it.
 */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class PublishedExamplesAcceptedTest {

    /** What must have happened to an incident before the operation is allowed. */
    private static final Map<String, List<String>> BEFORE = Map.of(
            "POST /incidents/{issueId}/action-plan/completion", List.of("POST /incidents/{issueId}/action-plan"),
            "POST /incidents/{issueId}/confirmation", List.of("POST /incidents/{issueId}/resolution"),
            "POST /incidents/{issueId}/reopening", List.of("POST /incidents/{issueId}/resolution"));

    @Test
    void everyPublishedRequestExample_isAccepted() {
        String openApi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        List<RequestExample> examples = PublishedExamples.from(openApi);

        PublishedExamples.assertEachAccepted(examples, example -> {
            String issueId = example.path().contains("{issueId}") ? openIncident() : null;
            for (String before : BEFORE.getOrDefault(example.name(), List.of())) {
                Response done = send(example(examples, before), issueId);
                if (done.statusCode() != 201) {
                    return new PublishedExamples.Answer(done.statusCode(), "(" + before + " first) " + done.asString());
                }
            }
            Response response = send(example, issueId);
            return new PublishedExamples.Answer(response.statusCode(), response.asString());
        });
    }

    private static String openIncident() {
        String issueId = UUID.randomUUID().toString();
        publishIssueReported(uniqueClient(), issueId);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", bearer(API_KEY_A))
                .when().get("/incidents/" + issueId).statusCode() == 200);
        return issueId;
    }

    private static RequestExample example(List<RequestExample> examples, String name) {
        return examples.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("the document no longer publishes " + name));
    }

    private static Response send(RequestExample example, String issueId) {
        String path = issueId == null ? example.path() : example.path().replace("{issueId}", issueId);
        return given().header("Authorization", bearer(API_KEY_A))
                .header(IdempotencyKeys.HEADER, UUID.randomUUID().toString())
                .contentType("application/json").body(example.body().toString())
                .when().request(example.method(), path);
    }
}
