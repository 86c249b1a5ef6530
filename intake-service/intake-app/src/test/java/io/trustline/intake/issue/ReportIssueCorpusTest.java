package io.trustline.intake.issue;

import static io.restassured.RestAssured.given;
import static io.trustline.intake.issue.IssueRequests.payroll;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.cloudevents.CloudEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.platform.rest.PlainText;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.MalformedBodies;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class ReportIssueCorpusTest {

    @Test
    void everyMalformedReport_isRefusedWith4xxProblemJson_andNothingIsPublished() {
        String openApi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        List<MalformedBodies.Variant> variants = MalformedBodies.forPost(openApi, "/issues", payroll(uniqueClient()));
        assertThat(variants).extracting(MalformedBodies.Variant::name).contains(
                "clientId: number for string", "expectation.who.scope: enum ordinal 0",
                "expectation.what.impact: enum ordinal 0", "expectation.when.resolveBy: epoch number for date",
                "expectation.when.resolveBy: huge number for date", "expectation.who.affectedCount: empty string for number",
                "reportedBy.email: empty email", "summary: NUL in text", "summary: maxLength 200 + 1",
                "expectation.how.acceptanceChecks[0]: NUL in text", "reportedBy.name: duplicate key");

        int before = publishedAfterWitness().size();
        MalformedBodies.assertEachRefused(variants, body -> answer(post(body)));
        assertThat(publishedAfterWitness()).as("events published for the refused bodies").hasSize(before + 2);
    }

    @Test
    void theControlCharacterRule_isInTheOpenApiSchema() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.ReportIssueRequest.properties.summary.pattern", equalTo(PlainText.ONE_LINE_NOT_BLANK))
                .body("components.schemas.WhenRequest.properties.reason.pattern", equalTo(PlainText.MULTI_LINE))
                .body("components.schemas.ReporterRequest.properties.email.format", equalTo("email"));
    }

    @Test
    void aDeadlineBeforeTheReport_is400_namingResolveBy() {
        String body = payroll(uniqueClient()).replace("2099-03-03T12:00:00Z", Instant.now().minus(1, ChronoUnit.MINUTES).toString());
        post(body).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("expectation.when.resolveBy"));
    }

    @Test
    void aNumberWhereTextBelongs_is400_namingTheField_notCoerced() {
        post(payroll(uniqueClient()).replaceFirst("\"clientId\": \"[^\"]+\"", "\"clientId\": 0"))
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("clientId"))
                .body("errors[0].message", containsString("expected a string"));
    }

    @Test
    void aDuplicatedKey_is400_namingIt() {
        post(payroll(uniqueClient()).replace("\"summary\":", "\"summary\": \"first\", \"summary\":"))
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("summary"));
    }

    @Test
    void frameworkRefusals_answerProblemJson() {
        given().header("Authorization", bearer(API_KEY_A)).contentType("text/plain").body(payroll(uniqueClient()))
                .when().post("/issues")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
        given().header("Authorization", bearer(API_KEY_A))
                .when().delete("/issues/" + UUID.randomUUID())
                .then().statusCode(405).contentType("application/problem+json").body("status", equalTo(405));
        given().header("Authorization", bearer(API_KEY_A)).accept("text/csv")
                .when().get("/issues/" + UUID.randomUUID())
                .then().statusCode(406).contentType("application/problem+json").body("status", equalTo(406));
        given().header("Authorization", bearer(API_KEY_A))
                .when().get("/issues/" + "x".repeat(10_000))
                .then().statusCode(414).contentType("application/problem+json").body("status", equalTo(414));
        given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                .body(payroll(uniqueClient()).replace("\"Payroll server unreachable\"", "\"" + "x".repeat(1_100_000) + "\""))
                .when().post("/issues")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    private static Response post(String body) {
        return given().header("Authorization", bearer(API_KEY_A)).contentType("application/json").body(body)
                .when().post("/issues");
    }

    private static MalformedBodies.Answer answer(Response response) {
        return new MalformedBodies.Answer(response.statusCode(), response.contentType(), response.asString());
    }

    // the relay publishes in store order: once a fresh report is on the topic, everything stored before it is too
    private static List<ConsumerRecord<String, CloudEvent>> publishedAfterWitness() {
        String witness = uniqueClient();
        post(payroll(witness)).then().statusCode(201);
        return KafkaTestTopics.awaitEvents(IntakeTopics.EVENTS,
                records -> records.stream().filter(r -> witness.equals(r.value().getSubject())).count() >= 2);
    }
}
