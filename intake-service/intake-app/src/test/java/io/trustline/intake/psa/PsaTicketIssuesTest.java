package io.trustline.intake.psa;

import static io.restassured.RestAssured.given;
import static io.trustline.intake.issue.IssueRequests.payroll;
import static io.trustline.intake.psa.PsaWebhookCalls.autotask;
import static io.trustline.intake.psa.PsaWebhookCalls.autotaskIntegration;
import static io.trustline.intake.psa.PsaWebhookCalls.awaitEventsOf;
import static io.trustline.intake.psa.PsaWebhookCalls.map;
import static io.trustline.intake.psa.PsaWebhookCalls.ofType;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.API_KEY_B;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.cloudevents.CloudEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** One PSA ticket is one issue, whether it comes through POST /issues, a webhook, or both, with or without a key. */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class PsaTicketIssuesTest {

    private static final String EXPECTATION = """
            {"who": {"scope": "EVERYONE", "affectedCount": 25},
             "what": {"impact": "STOPPED", "costPerHour": 1200},
             "when": {"resolveBy": "2099-03-03T12:00:00Z", "reason": "payroll is due tomorrow"},
             "where": {"location": "head office", "workMode": "ON_SITE"},
             "how": {"resolvedWhen": "payroll runs"}}""";

    private final String secret = "autotask-secret-" + UUID.randomUUID();
    private final String company = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));

    @Test
    void aTicketReportedThroughTheApi_isTheIssueItsWebhooksUpdate_withOrWithoutAnIdempotencyKey() {
        String clientId = uniqueClient();
        long ticket = newTicketId();
        String report = withTicket(payroll(clientId), ticket);

        String issueId = report(report, null).statusCode(201).extract().path("issueId");
        report(report, null).statusCode(200).header("Idempotent-Replayed", "true").body("issueId", equalTo(issueId));
        report(report, "key-" + UUID.randomUUID()).statusCode(200).body("issueId", equalTo(issueId));
        report(report.replace("Payroll server unreachable", "Printer jammed"), "key-" + UUID.randomUUID())
                .statusCode(409).contentType("application/problem+json")
                .body("state", equalTo("REPORTED"))
                .body("issueId", equalTo(issueId))
                .body("detail", containsString(issueId));
        String otherTenants = given().header("Authorization", bearer(API_KEY_B)).contentType("application/json")
                .body(report).when().post("/issues").then().statusCode(201).extract().path("issueId");
        assertThat(otherTenants).isNotEqualTo(issueId);

        String integration = autotaskIntegration(API_KEY_A, secret);
        map(API_KEY_A, integration, Map.of(company, clientId)).statusCode(200);
        autotask(integration, secret, createdCallout(ticket)).statusCode(200)
                .body("outcome", equalTo("UPDATED"))
                .body("issueId", equalTo(issueId));

        List<ConsumerRecord<String, CloudEvent>> events = awaitEventsOf(clientId,
                records -> records.stream().anyMatch(r -> r.key().startsWith("tenant-a:")
                        && r.value().getType().equals(IntakeEventTypes.PSA_TICKET_UPDATED)));
        assertThat(ofType(events, IntakeEventTypes.ISSUE_REPORTED)).filteredOn(r -> r.key().startsWith("tenant-a:"))
                .hasSize(1);
    }

    @Test
    void aTicketReportedByWebhook_waitsForItsExpectation_whichIsSetOnce() {
        String clientId = uniqueClient();
        long ticket = newTicketId();
        String integration = autotaskIntegration(API_KEY_A, secret);
        map(API_KEY_A, integration, Map.of(company, clientId)).statusCode(200);
        String issueId = autotask(integration, secret, createdCallout(ticket)).statusCode(200).extract().path("issueId");

        report(withTicket(payroll(clientId), ticket), null).statusCode(409)
                .body("state", equalTo("REPORTED")).body("issueId", equalTo(issueId));
        revise(issueId).statusCode(409).contentType("application/problem+json")
                .body("state", equalTo("AWAITING_EXPECTATION"));

        setExpectation(API_KEY_B, issueId, EXPECTATION).statusCode(404);
        setExpectation(API_KEY_A, issueId, EXPECTATION.replace("2099-03-03T12:00:00Z", "2020-01-01T00:00:00Z"))
                .statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("when.resolveBy"));
        setExpectation(API_KEY_A, issueId, EXPECTATION).statusCode(201)
                .body("issueId", equalTo(issueId)).body("clientId", equalTo(clientId))
                .body("expectation.who.scope", equalTo("EVERYONE"));
        setExpectation(API_KEY_A, issueId, EXPECTATION).statusCode(200)
                .body("expectation.when.resolveBy", equalTo("2099-03-03T12:00:00Z"));
        setExpectation(API_KEY_A, issueId, EXPECTATION.replace("EVERYONE", "TEAM")).statusCode(409)
                .contentType("application/problem+json")
                .body("state", equalTo("EXPECTATION_SET"))
                .body("allowed", org.hamcrest.Matchers.contains("ReviseExpectation"));
        revise(issueId).statusCode(200).body("changed", org.hamcrest.Matchers.contains("when"));

        List<ConsumerRecord<String, CloudEvent>> events = awaitEventsOf(clientId,
                records -> ofType(records, IntakeEventTypes.EXPECTATION_REVISED).size() >= 1);
        assertThat(events).extracting(r -> r.value().getType()).containsExactly(IntakeEventTypes.ISSUE_REPORTED,
                IntakeEventTypes.PSA_TICKET_UPDATED, IntakeEventTypes.EXPECTATION_SET,
                IntakeEventTypes.EXPECTATION_REVISED);
    }

    @Test
    void theExpectationOfAnIssueReportedWithOne_isSetAlready() {
        String issueId = report(payroll(uniqueClient()), null).statusCode(201).extract().path("issueId");

        setExpectation(API_KEY_A, issueId, EXPECTATION).statusCode(409).body("state", equalTo("EXPECTATION_SET"));
        setExpectation(API_KEY_A, UUID.randomUUID().toString(), EXPECTATION).statusCode(404);
        setExpectation(API_KEY_A, issueId, "{\"who\": {\"scope\": \"GALAXY\"}}").statusCode(400)
                .body("errors.field", not(org.hamcrest.Matchers.empty()));
    }

    private static ValidatableResponse report(String body, String idempotencyKey) {
        var request = given().header("Authorization", bearer(API_KEY_A)).contentType("application/json").body(body);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.when().post("/issues").then();
    }

    private static ValidatableResponse setExpectation(String apiKey, String issueId, String body) {
        return given().header("Authorization", bearer(apiKey)).contentType("application/json").body(body)
                .when().put("/issues/" + issueId + "/expectation").then();
    }

    private static ValidatableResponse revise(String issueId) {
        return given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                .body("""
                        {"when": {"resolveBy": "2099-03-05T12:00:00Z"}, "reason": "the disk arrives Wednesday",
                         "requestedBy": "PROVIDER"}""")
                .when().patch("/issues/" + issueId + "/expectation").then();
    }

    private static String withTicket(String report, long ticket) {
        return report.replace("\"channel\": \"PHONE\",",
                "\"channel\": \"PHONE\", \"psaTicket\": {\"psa\": \"AUTOTASK\", \"externalTicketId\": \"" + ticket + "\"},");
    }

    private String createdCallout(long ticket) {
        return "{\"Action\":\"Create\",\"Guid\":\"9a4e3b1c-6d2f-4e8a-b7c5-1f0d2e3a4b5c\",\"EntityType\":\"Ticket\",\"Id\":"
                + ticket + ",\"Fields\":{\"title\":\"Payroll server unreachable\",\"priority\":4,\"companyID\":" + company
                + ",\"contactID\":30682885,\"status\":1,\"createDate\":\"2026-03-02T08:15:00Z\"},"
                + "\"EventTime\":\"2026-03-02T08:15:00.000Z\",\"SequenceNumber\":1,\"PersonID\":29682885}";
    }

    private static long newTicketId() {
        return ThreadLocalRandom.current().nextLong(1_000_000L, 9_000_000_000L);
    }
}
