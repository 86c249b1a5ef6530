package io.trustline.intake.contract;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.trustline.intake.psa.PsaWebhookCalls;
import io.trustline.platform.command.IdempotencyKeys;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.openapi.PublishedExamples;
import io.trustline.testkit.openapi.PublishedExamples.RequestExample;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A client built from intake's OpenAPI document is accepted on its first call: each operation's published example
 * body, sent as it is (path parameters filled with resources made from the examples too), answers 2xx.
 */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class PublishedExamplesAcceptedTest {

    private static final String SET_EXPECTATION = "PUT /issues/{issueId}/expectation";
    private static final Map<String, String> EXCEPTIONS = Map.of(
            "POST /integrations/{integrationId}/events",
            "the PSA's own callback, signed by the PSA over its raw body: its receiver tests send documented payloads");

    @Test
    void everyPublishedRequestExample_isAccepted() {
        String openApi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        List<RequestExample> examples = PublishedExamples.from(openApi, EXCEPTIONS);

        PublishedExamples.assertEachAccepted(examples, example -> {
            String path = example.name().equals(SET_EXPECTATION)
                    ? example.path().replace("{issueId}", issueReportedFromAutotask())
                    : filled(examples, example.path());
            Response response = send(example, path);
            return new PublishedExamples.Answer(response.statusCode(), response.asString());
        });
    }

    /**
     * An issue as a PSA reports it, without an expectation: the one kind of issue whose expectation is set with PUT
     * (every issue reported with POST /issues has one already).
     */
    private static String issueReportedFromAutotask() {
        String secret = "published-examples-secret";
        String integrationId = PsaWebhookCalls.autotaskIntegration(API_KEY_A, secret);
        PsaWebhookCalls.map(API_KEY_A, integrationId, Map.of("29683", "acme-dental")).statusCode(200);
        long ticket = ThreadLocalRandom.current().nextLong(1_000_000L, 9_000_000_000L);
        String created = """
                {"Action":"Create","Guid":"%s","EntityType":"Ticket","Id":%d,"Fields":{"title":"Payroll export fails",                "priority":1,"companyID":29683,"contactID":30682885,"status":1,"createDate":"2026-03-02T08:15:00Z"},                "EventTime":"2026-03-02T08:15:00.000Z","SequenceNumber":1,"PersonID":29682885}"""
                .formatted(UUID.randomUUID(), ticket);
        return PsaWebhookCalls.autotask(integrationId, secret, created).statusCode(200)
                .body("outcome", equalTo("REPORTED")).extract().path("issueId");
    }

    /** The path with each parameter the id of a resource made first from its own published example. */
    private static String filled(List<RequestExample> examples, String path) {
        String filled = path;
        if (filled.contains("{issueId}")) {
            filled = filled.replace("{issueId}", created(examples, "POST /issues", "issueId"));
        }
        if (filled.contains("{noticeId}")) {
            filled = filled.replace("{noticeId}", created(examples, "POST /advance-notices", "noticeId"));
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
