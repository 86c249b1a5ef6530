package io.trustline.intake.issue;

import static io.restassured.RestAssured.given;
import static io.trustline.intake.issue.IssueRequests.payroll;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.API_KEY_B;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.cloudevents.CloudEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class IssueResourceTest {

    @Test
    void reportingAnIssue_publishesIssueReportedThenExpectationSet_asCloudEvents() {
        String clientId = uniqueClient();
        String issueId = given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                .body(payroll(clientId))
                .when().post("/issues")
                .then().statusCode(201)
                .header("Location", containsString("/issues/"))
                .body("clientId", equalTo(clientId))
                .body("expectation.who.scope", equalTo("EVERYONE"))
                .extract().path("issueId");

        List<ConsumerRecord<String, CloudEvent>> published = KafkaTestTopics.awaitEvents(IntakeTopics.EVENTS,
                records -> ofClient(records, clientId).size() >= 2);
        List<ConsumerRecord<String, CloudEvent>> ofClient = ofClient(published, clientId);
        assertThat(ofClient).extracting(r -> r.value().getType())
                .containsExactly(IntakeEventTypes.ISSUE_REPORTED, IntakeEventTypes.EXPECTATION_SET);
        for (ConsumerRecord<String, CloudEvent> record : ofClient) {
            assertThat(record.key()).isEqualTo("tenant-a:" + clientId);
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_source")).isEqualTo("/trustline/intake");
            assertThat(header(record, "ce_tenantid")).isEqualTo("tenant-a");
            assertThat(record.value().getData().toBytes()).asString(StandardCharsets.UTF_8).contains("\"issueId\":\"" + issueId + "\"");
        }
        // UUIDv7 ids order the two events created at the same instant
        assertThat(ofClient.get(0).value().getId()).isLessThan(ofClient.get(1).value().getId());
        assertThat(ofClient.get(0).value().getTime()).isEqualTo(ofClient.get(1).value().getTime());
    }

    @Test
    void anIdempotencyKeyTooLong_is400_namingTheHeader() {
        given().header("Authorization", bearer(API_KEY_A)).header("Idempotency-Key", "k".repeat(201))
                .contentType("application/json").body(payroll(uniqueClient()))
                .when().post("/issues")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void theSameIdempotencyKeyWithAnotherReport_is422_andRecordsNothing() {
        String clientId = uniqueClient();
        String key = "psa-delivery-" + UUID.randomUUID();
        given().header("Authorization", bearer(API_KEY_A)).header("Idempotency-Key", key)
                .contentType("application/json").body(payroll(clientId))
                .when().post("/issues")
                .then().statusCode(201);

        given().header("Authorization", bearer(API_KEY_A)).header("Idempotency-Key", key)
                .contentType("application/json").body(payroll(clientId).replace("Payroll server unreachable", "Printer jammed"))
                .when().post("/issues")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("Idempotency-Key"));

        String witness = uniqueClient();
        reportIssue(witness);
        List<ConsumerRecord<String, CloudEvent>> published = KafkaTestTopics.awaitEvents(IntakeTopics.EVENTS,
                records -> ofClient(records, witness).size() >= 2);
        assertThat(ofClient(published, clientId)).as("events of the first report only").hasSize(2);
    }

    @Test
    void aReportRetriedAfterItsDeadlinePassed_stillAnswersTheFirstIssue() {
        Instant resolveBy = Instant.now().plusSeconds(2);
        String report = payroll(uniqueClient()).replace("2099-03-03T12:00:00Z", resolveBy.toString());
        String key = "psa-delivery-" + UUID.randomUUID();
        String first = given().header("Authorization", bearer(API_KEY_A)).header("Idempotency-Key", key)
                .contentType("application/json").body(report)
                .when().post("/issues")
                .then().statusCode(201)
                .extract().path("issueId");
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(resolveBy));

        // a new report with that deadline would now be refused; the retry of the first one is not a new report
        given().header("Authorization", bearer(API_KEY_A)).header("Idempotency-Key", key)
                .contentType("application/json").body(report)
                .when().post("/issues")
                .then().statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("issueId", equalTo(first))
                .body("expectation.when.resolveBy", equalTo(resolveBy.toString()));
    }

    @Test
    void aRetriedReportWithTheSameIdempotencyKey_returnsTheFirstIssue_andRecordsNothingNew() {
        String clientId = uniqueClient();
        String key = "psa-delivery-" + UUID.randomUUID();
        String first = given().header("Authorization", bearer(API_KEY_A)).header("Idempotency-Key", key)
                .contentType("application/json").body(payroll(clientId))
                .when().post("/issues")
                .then().statusCode(201)
                .extract().path("issueId");
        given().header("Authorization", bearer(API_KEY_A)).header("Idempotency-Key", key)
                .contentType("application/json").body(payroll(clientId))
                .when().post("/issues")
                .then().statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("issueId", equalTo(first));
        String otherTenants = given().header("Authorization", bearer(API_KEY_B)).header("Idempotency-Key", key)
                .contentType("application/json").body(payroll(clientId))
                .when().post("/issues")
                .then().statusCode(201)
                .extract().path("issueId");
        assertThat(otherTenants).isNotEqualTo(first);

        String witness = uniqueClient();
        reportIssue(witness);
        List<ConsumerRecord<String, CloudEvent>> published = KafkaTestTopics.awaitEvents(IntakeTopics.EVENTS,
                records -> ofClient(records, witness).size() >= 2);
        assertThat(ofClient(published, clientId)).filteredOn(r -> r.key().startsWith("tenant-a:")).hasSize(2);
    }

    @Test
    void aReportedIssue_canBeReadBack_byItsTenantOnly() {
        String issueId = reportIssue(uniqueClient());

        // the read model catches up with the stored events on its own, moments after the 201
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", bearer(API_KEY_A))
                .when().get("/issues/" + issueId)
                .then().statusCode(200)
                .body("issueId", equalTo(issueId))
                .body("expectation.when.reason", equalTo("payroll is due tomorrow"))
                .body("expectation.how.acceptanceChecks", hasItem("bank accepts file")));

        given().header("Authorization", bearer(API_KEY_B))
                .when().get("/issues/" + issueId)
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anUnknownIssue_is404() {
        given().header("Authorization", bearer(API_KEY_A))
                .when().get("/issues/" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void aCallWithoutOrWithAWrongKey_is401() {
        given().contentType("application/json").body(payroll(uniqueClient()))
                .when().post("/issues")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));

        given().header("Authorization", bearer("not-a-key")).contentType("application/json")
                .body(payroll(uniqueClient()))
                .when().post("/issues")
                .then().statusCode(401);
    }

    @Test
    void malformedJson_is400_andNothingIsPublished() {
        String clientId = uniqueClient();
        given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                .body(payroll(clientId).replace("\"summary\":", "\"summary\" "))
                .when().post("/issues")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not well-formed JSON"));

        assertNothingPublishedFor(clientId);
    }

    @Test
    void aMissingExpectationField_is400_namingTheField_andNothingIsPublished() {
        String clientId = uniqueClient();
        given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                .body(payroll(clientId).replace("\"scope\": \"EVERYONE\", ", ""))
                .when().post("/issues")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("expectation.who.scope"));

        assertNothingPublishedFor(clientId);
    }

    @Test
    void anUnknownImpact_is400_listingTheAllowedValues() {
        given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                .body(payroll(uniqueClient()).replace("\"STOPPED\"", "\"ON_FIRE\""))
                .when().post("/issues")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("expectation.what.impact"))
                .body("errors[0].message", containsString("STOPPED"));
    }

    @Test
    void theTenantComesFromTheKey_notFromTheBody() {
        String clientId = uniqueClient();
        String body = payroll(clientId).replaceFirst("\\{", "{\"tenantId\": \"tenant-a\",");
        given().header("Authorization", bearer(API_KEY_B)).contentType("application/json").body(body)
                .when().post("/issues")
                .then().statusCode(201);

        List<ConsumerRecord<String, CloudEvent>> published = KafkaTestTopics.awaitEvents(IntakeTopics.EVENTS,
                records -> ofClient(records, clientId).size() >= 2);
        assertThat(ofClient(published, clientId)).allSatisfy(r -> assertThat(r.key()).isEqualTo("tenant-b:" + clientId));
    }

    private static String reportIssue(String clientId) {
        return given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                .body(payroll(clientId))
                .when().post("/issues")
                .then().statusCode(201)
                .extract().path("issueId");
    }

    private static void assertNothingPublishedFor(String clientId) {
        // a valid report made after the rejected one is published; the rejected one must not be before it
        String witness = uniqueClient();
        reportIssue(witness);
        List<ConsumerRecord<String, CloudEvent>> published = KafkaTestTopics.awaitEvents(IntakeTopics.EVENTS,
                records -> ofClient(records, witness).size() >= 2);
        assertThat(ofClient(published, clientId)).isEmpty();
    }

    private static List<ConsumerRecord<String, CloudEvent>> ofClient(List<ConsumerRecord<String, CloudEvent>> records, String clientId) {
        return records.stream().filter(r -> clientId.equals(r.value().getSubject())).toList();
    }

    private static String header(ConsumerRecord<String, CloudEvent> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
