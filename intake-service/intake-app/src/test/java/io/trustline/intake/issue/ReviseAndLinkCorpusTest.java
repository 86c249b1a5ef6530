package io.trustline.intake.issue;

import static io.restassured.RestAssured.given;
import static io.trustline.intake.issue.IssueRequests.payroll;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.trustline.platform.rest.PlainText;
import io.trustline.testkit.MalformedBodies;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every malformed body the OpenAPI schema of the revise and link operations implies is refused. */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class ReviseAndLinkCorpusTest {

    @Test
    void everyMalformedRevision_isRefusedWith4xxProblemJson() {
        String issueId = reportIssue();
        String valid = """
                {"who": {"scope": "TEAM", "affectedCount": 4},
                 "what": {"impact": "DEGRADED", "costPerHour": 300, "description": "payroll runs slowly"},
                 "when": {"resolveBy": "2099-03-05T12:00:00Z", "reason": "the bank takes files until Wednesday"},
                 "where": {"location": "head office", "workMode": "REMOTE"},
                 "how": {"resolvedWhen": "payroll runs", "acceptanceChecks": ["export completes"]},
                 "reason": "the replacement disk arrives Wednesday", "requestedBy": "PROVIDER",
                 "occurredAt": "%s"}
                """.formatted(Instant.now());
        String openApi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        List<MalformedBodies.Variant> variants = MalformedBodies.forPatch(openApi, "/issues/{issueId}/expectation", valid);
        assertThat(variants).extracting(MalformedBodies.Variant::name).contains(
                "requestedBy: enum ordinal 0", "reason: NUL in text", "reason: maxLength 1000 + 1",
                "occurredAt: epoch number for date", "who.scope: enum ordinal 0");

        MalformedBodies.assertEachRefused(variants, body -> answer(given().header("Authorization", bearer(API_KEY_A))
                .contentType("application/json").body(body).when().patch("/issues/" + issueId + "/expectation")));
    }

    @Test
    void everyMalformedPsaTicket_isRefusedWith4xxProblemJson() {
        String issueId = reportIssue();
        String valid = "{\"psa\": \"HALO\", \"externalTicketId\": \"H-1\", \"url\": \"https://halo.example/t/1\"}";
        String openApi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        List<MalformedBodies.Variant> variants = MalformedBodies.forPost(openApi, "/issues/{issueId}/psa-ticket", valid);
        assertThat(variants).extracting(MalformedBodies.Variant::name).contains("psa: enum ordinal 0");

        MalformedBodies.assertEachRefused(variants, body -> answer(given().header("Authorization", bearer(API_KEY_A))
                .contentType("application/json").body(body).when().post("/issues/" + issueId + "/psa-ticket")));
    }

    @Test
    void theRevisionsConstraints_areInTheOpenApiSchema() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.ReviseExpectationRequest.properties.reason.pattern", equalTo(PlainText.MULTI_LINE_NOT_BLANK))
                .body("components.schemas.ReviseExpectationRequest.properties.reason.maxLength", equalTo(1000))
                .body("components.schemas.ReviseExpectationRequest.required", hasItems("reason", "requestedBy"))
                .body("components.schemas.RequestedBy.enum", hasItems("CLIENT", "PROVIDER"))
                .body("components.schemas.LinkPsaTicketRequest.properties.url.format", equalTo("uri"))
                .body("components.schemas.PsaTool.enum", hasItems("CONNECTWISE", "AUTOTASK", "HALO"));
    }

    private static String reportIssue() {
        return given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                .body(payroll(uniqueClient())).when().post("/issues")
                .then().statusCode(201).extract().path("issueId");
    }

    private static MalformedBodies.Answer answer(Response response) {
        return new MalformedBodies.Answer(response.statusCode(), response.contentType(), response.asString());
    }
}
