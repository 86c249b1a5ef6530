package io.trustline.intake.issue;

import static io.restassured.RestAssured.given;
import static io.trustline.intake.issue.IssueRequests.payroll;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.API_KEY_B;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** {@code PATCH /issues/{id}/expectation} and {@code POST /issues/{id}/psa-ticket} against the running service. */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class ReviseAndLinkResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MORE_TIME = """
            {"when": {"resolveBy": "2099-03-05T12:00:00Z", "reason": "the bank takes files until Wednesday"},
             "reason": "the replacement disk arrives Wednesday morning", "requestedBy": "PROVIDER"}
            """;

    @Test
    void askingForMoreTime_publishesExpectationRevised_withTheDeadlineBeforeAndAfter() throws Exception {
        String clientId = uniqueClient();
        String issueId = reportIssue(clientId);

        revise(API_KEY_A, issueId, MORE_TIME, null).statusCode(200)
                .body("changed", contains("when"))
                .body("expectation.when.resolveBy", equalTo("2099-03-05T12:00:00Z"))
                .body("expectation.who.scope", equalTo("EVERYONE"))
                .body("requestedBy", equalTo("PROVIDER"))
                .body("askedBeforeDeadline", equalTo(true));

        JsonNode revised = data(awaitRevisionsOf(clientId, 1).get(0));
        assertThat(revised.at("/changes/when/before/resolveBy").asText()).isEqualTo("2099-03-03T12:00:00Z");
        assertThat(revised.at("/changes/when/after/resolveBy").asText()).isEqualTo("2099-03-05T12:00:00Z");
        assertThat(revised.get("changes").has("who")).isFalse();
        assertThat(revised.at("/expectation/where/location").asText()).isEqualTo("head office");
        assertThat(revised.get("reason").asText()).isEqualTo("the replacement disk arrives Wednesday morning");
        assertThat(revised.get("askedBeforeDeadline").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", bearer(API_KEY_A))
                .when().get("/issues/" + issueId)
                .then().statusCode(200)
                .body("expectation.when.resolveBy", equalTo("2099-03-05T12:00:00Z")));
    }

    @Test
    void aRevisionThatChangesNothing_answers200WithNothingChanged_andPublishesNothing() {
        String clientId = uniqueClient();
        String issueId = reportIssue(clientId);

        revise(API_KEY_A, issueId, """
                {"who": {"scope": "EVERYONE", "affectedCount": 25}, "reason": "checking", "requestedBy": "CLIENT"}
                """, null).statusCode(200)
                .body("changed", empty())
                .body("expectation.when.resolveBy", equalTo("2099-03-03T12:00:00Z"));
        revise(API_KEY_A, issueId, MORE_TIME, null).statusCode(200);

        assertThat(awaitRevisionTo(clientId, "2099-03-05T12:00:00Z")).hasSize(1);
    }

    @Test
    void aRetryWithTheSameIdempotencyKey_answersTheFirstRevision_andRecordsNothingNew() {
        String clientId = uniqueClient();
        String issueId = reportIssue(clientId);
        String key = "psa-sync-" + UUID.randomUUID();

        String first = revise(API_KEY_A, issueId, MORE_TIME, key).statusCode(200).extract().asString();
        revise(API_KEY_A, issueId, MORE_TIME, key).statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("occurredAt", equalTo(readField(first, "occurredAt")));
        revise(API_KEY_A, issueId, MORE_TIME.replace("Wednesday morning", "Thursday"), key).statusCode(422)
                .contentType("application/problem+json");
        // a later revision without a key is published; the retried one must not have been before it
        revise(API_KEY_A, issueId, MORE_TIME.replace("2099-03-05", "2099-03-06"), null).statusCode(200);

        assertThat(awaitRevisionTo(clientId, "2099-03-06T12:00:00Z")).hasSize(2);
    }

    @Test
    void aReportRetriedAfterARevision_stillAnswersTheIssueAsReported() {
        String clientId = uniqueClient();
        String key = "psa-delivery-" + UUID.randomUUID();
        String issueId = given().header("Authorization", bearer(API_KEY_A)).header("Idempotency-Key", key)
                .contentType("application/json").body(payroll(clientId))
                .when().post("/issues").then().statusCode(201).extract().path("issueId");
        revise(API_KEY_A, issueId, MORE_TIME, null).statusCode(200);

        given().header("Authorization", bearer(API_KEY_A)).header("Idempotency-Key", key)
                .contentType("application/json").body(payroll(clientId))
                .when().post("/issues")
                .then().statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("issueId", equalTo(issueId))
                .body("expectation.when.resolveBy", equalTo("2099-03-03T12:00:00Z"));
    }

    @Test
    void anUnknownIssue_orAnotherTenantsIssue_is404() {
        String issueId = reportIssue(uniqueClient());

        revise(API_KEY_A, UUID.randomUUID().toString(), MORE_TIME, null).statusCode(404)
                .contentType("application/problem+json");
        revise(API_KEY_B, issueId, MORE_TIME, null).statusCode(404)
                .contentType("application/problem+json");
        revise(API_KEY_B, issueId, MORE_TIME, "another-tenants-key").statusCode(404);
    }

    @Test
    void anInvalidRevision_is400_namingEachField() {
        String issueId = reportIssue(uniqueClient());

        revise(API_KEY_A, issueId, MORE_TIME.replace("\"reason\": \"the replacement", "\"why\": \"the replacement")
                .replace("\"PROVIDER\"", "\"SOMEONE\""), null).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("requestedBy"));
        revise(API_KEY_A, issueId, "{\"when\": {\"resolveBy\": \"2099-03-05T12:00:00Z\"}, \"requestedBy\": \"CLIENT\"}", null)
                .statusCode(400).body("errors.field", hasItem("reason"));
        revise(API_KEY_A, issueId, "{\"reason\": \"" + "x".repeat(1001) + "\", \"requestedBy\": \"CLIENT\", "
                + "\"how\": {\"resolvedWhen\": \"it prints\"}}", null)
                .statusCode(400).body("errors.field", hasItem("reason"));
        revise(API_KEY_A, issueId, "{\"reason\": \"nothing\", \"requestedBy\": \"CLIENT\"}", null)
                .statusCode(400).body("detail", containsString("body"));
        revise(API_KEY_A, issueId, MORE_TIME.replace("\"requestedBy\"",
                "\"occurredAt\": \"" + Instant.now().plus(Duration.ofHours(1)) + "\", \"requestedBy\""), null)
                .statusCode(400).body("errors.field", hasItem("occurredAt"))
                .body("errors.message", hasItem(containsString("future")));
        revise(API_KEY_A, issueId, MORE_TIME.replace("2099-03-05T12:00:00Z", "2020-01-01T00:00:00Z"), null)
                .statusCode(400).body("errors.field", hasItem("when.resolveBy"));
        revise(API_KEY_A, issueId, MORE_TIME.replace("\"PROVIDER\"", "\"PROVIDER\", \"who\": {\"scope\": \"GALAXY\"}"), null)
                .statusCode(400).body("errors.field", hasItem("who.scope"));
    }

    @Test
    void linkingAPsaTicket_publishesPsaTicketLinked_once_andAnotherTicketIs409NamingTheLinkedOne() throws Exception {
        String clientId = uniqueClient();
        String issueId = reportIssue(clientId);
        String ticket = "{\"psa\": \"AUTOTASK\", \"externalTicketId\": \"T20990302.0042\", \"url\": \"https://psa.example/t/42\"}";

        link(issueId, ticket).statusCode(201)
                .header("Location", containsString("/issues/" + issueId))
                .body("psaTicket.psa", equalTo("AUTOTASK"))
                .body("psaTicket.externalTicketId", equalTo("T20990302.0042"));
        link(issueId, ticket).statusCode(200)
                .body("psaTicket.externalTicketId", equalTo("T20990302.0042"));
        link(issueId, ticket.replace("0042", "0043")).statusCode(409)
                .contentType("application/problem+json")
                .body("linkedTicket.psa", equalTo("AUTOTASK"))
                .body("linkedTicket.externalTicketId", equalTo("T20990302.0042"))
                .body("detail", containsString("T20990302.0042"));
        link(issueId, ticket.replace("AUTOTASK", "FRESHDESK")).statusCode(400)
                .body("errors.field", hasItem("psa"));
        link(issueId, ticket.replace("https://psa.example/t/42", "javascript:alert(1)")).statusCode(400)
                .body("errors.field", hasItem("url"));
        // a witness revision after the links: once it is on the topic, so is every link that was published
        revise(API_KEY_A, issueId, MORE_TIME, null).statusCode(200);
        List<ConsumerRecord<String, CloudEvent>> published = KafkaTestTopics.awaitEvents(IntakeTopics.EVENTS,
                records -> ofType(records, clientId, IntakeEventTypes.EXPECTATION_REVISED).size() >= 1);
        List<ConsumerRecord<String, CloudEvent>> links = ofType(published, clientId, IntakeEventTypes.PSA_TICKET_LINKED);
        assertThat(links).hasSize(1);
        assertThat(data(links.get(0)).get("url").asText()).isEqualTo("https://psa.example/t/42");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", bearer(API_KEY_A))
                .when().get("/issues/" + issueId)
                .then().statusCode(200)
                .body("psaTicket.externalTicketId", equalTo("T20990302.0042")));
    }

    @Test
    void linkingAPsaTicket_toAnotherTenantsIssue_is404() {
        String issueId = reportIssue(uniqueClient());

        given().header("Authorization", bearer(API_KEY_B)).contentType("application/json")
                .body("{\"psa\": \"HALO\", \"externalTicketId\": \"H-1\"}")
                .when().post("/issues/" + issueId + "/psa-ticket")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static String readField(String json, String field) {
        try {
            return JSON.readTree(json).get(field).asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ValidatableResponse revise(String apiKey, String issueId, String body, String idempotencyKey) {
        var request = given().header("Authorization", bearer(apiKey)).contentType("application/json").body(body);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.when().patch("/issues/" + issueId + "/expectation").then();
    }

    private static ValidatableResponse link(String issueId, String body) {
        return given().header("Authorization", bearer(API_KEY_A)).contentType("application/json").body(body)
                .when().post("/issues/" + issueId + "/psa-ticket").then();
    }

    private static String reportIssue(String clientId) {
        return given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                .body(payroll(clientId))
                .when().post("/issues")
                .then().statusCode(201)
                .extract().path("issueId");
    }

    private static List<ConsumerRecord<String, CloudEvent>> awaitRevisionsOf(String clientId, int atLeast) {
        return ofType(KafkaTestTopics.awaitEvents(IntakeTopics.EVENTS,
                records -> ofType(records, clientId, IntakeEventTypes.EXPECTATION_REVISED).size() >= atLeast),
                clientId, IntakeEventTypes.EXPECTATION_REVISED);
    }

    /** Every revision of the client once one moved resolveBy to {@code resolveBy}. */
    private static List<ConsumerRecord<String, CloudEvent>> awaitRevisionTo(String clientId, String resolveBy) {
        return ofType(KafkaTestTopics.awaitEvents(IntakeTopics.EVENTS,
                records -> ofType(records, clientId, IntakeEventTypes.EXPECTATION_REVISED).stream()
                        .anyMatch(r -> new String(r.value().getData().toBytes(), java.nio.charset.StandardCharsets.UTF_8)
                                .contains("\"after\":{\"resolveBy\":\"" + resolveBy + "\""))),
                clientId, IntakeEventTypes.EXPECTATION_REVISED);
    }

    private static List<ConsumerRecord<String, CloudEvent>> ofType(List<ConsumerRecord<String, CloudEvent>> records,
                                                                   String clientId, String type) {
        return records.stream().filter(r -> clientId.equals(r.value().getSubject()) && type.equals(r.value().getType()))
                .toList();
    }

    private static JsonNode data(ConsumerRecord<String, CloudEvent> record) throws Exception {
        return JSON.readTree(record.value().getData().toBytes());
    }
}
