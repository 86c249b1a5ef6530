package io.trustline.incident.intake;

import static io.restassured.RestAssured.given;
import static io.trustline.incident.intake.IntakeEvents.expectationRevised;
import static io.trustline.incident.intake.IntakeEvents.expectationSet;
import static io.trustline.incident.intake.IntakeEvents.issueReported;
import static io.trustline.incident.intake.IntakeEvents.publishExpectationSet;
import static io.trustline.incident.intake.IntakeEvents.publishIssueReported;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.WithTestResource;
import io.restassured.http.ContentType;
import io.trustline.incident.api.IncidentEventTypes;
import io.trustline.incident.api.IncidentTopics;
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
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class IntakeEventsConsumerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aRecordThatIsNoCloudEvent_movesToTheDeadLetterTopic_andLaterEventsStillFlow() {
        String clientId = uniqueClient();
        String key = TENANT_A + ":" + clientId;
        KafkaTestTopics.publishRaw(IntakeTopics.EVENTS, key, "this is not JSON".getBytes(StandardCharsets.UTF_8),
                List.of(new RecordHeader("origin", "a misconfigured producer".getBytes(StandardCharsets.UTF_8))));
        String issueId = UUID.randomUUID().toString();
        publishIssueReported(clientId, issueId);

        ConsumerRecord<String, byte[]> dead = deadLetterWithKey(key);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("this is not JSON");
        assertThat(KafkaTestTopics.header(dead, "origin")).isEqualTo("a misconfigured producer");
        assertThat(KafkaTestTopics.header(dead, "trustline_original_topic")).isEqualTo(IntakeTopics.EVENTS);
        assertThat(KafkaTestTopics.header(dead, "trustline_subscriber")).isEqualTo("intake-events");
        assertThat(KafkaTestTopics.header(dead, "trustline_error_class")).isNotBlank();
        awaitIncident(issueId);
    }

    @Test
    void anEventItsHandlerKeepsRejecting_isRetried_thenDeadLettered_withTheError() {
        String clientId = uniqueClient();
        String key = TENANT_A + ":" + clientId;
        // intake's event without the issue id: the handler fails on every attempt
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, UUID.randomUUID().toString(), IntakeEventTypes.ISSUE_REPORTED,
                issueReported(clientId, "never-read").without("issueId"));
        String issueId = UUID.randomUUID().toString();
        publishIssueReported(clientId, issueId);

        ConsumerRecord<String, byte[]> dead = deadLetterWithKey(key);
        assertThat(KafkaTestTopics.header(dead, "ce_type")).isEqualTo(IntakeEventTypes.ISSUE_REPORTED);
        assertThat(KafkaTestTopics.header(dead, "trustline_attempts")).isEqualTo("5");
        assertThat(KafkaTestTopics.header(dead, "trustline_error_message")).contains("issueId");
        awaitIncident(issueId);
    }

    @Test
    void anExpectationSet_holdsTheIncidentToTheTenantsPolicy_andTheClientsResolveBy() throws Exception {
        // the golden expectation is STOPPED on EVERYONE: give that cell numbers no other cell has
        ObjectNode policy = (ObjectNode) MAPPER.readTree(given().header("Authorization", bearer(API_KEY_A))
                .when().get("/policies/response").then().statusCode(200).extract().asString());
        policy.remove("version");
        ((ObjectNode) policy.at("/cells/STOPPED/EVERYONE")).put("acknowledge", "PT7M").put("actionPlan", "PT37M")
                .put("updateEvery", "PT47M");
        int version = given().header("Authorization", bearer(API_KEY_A)).contentType(ContentType.JSON)
                .body(policy.toString()).when().put("/policies/response")
                .then().statusCode(200).extract().path("version");
        String clientId = uniqueClient();
        String issueId = UUID.randomUUID().toString();
        Instant reportedAt = issueReported(clientId, issueId).instant("occurredAt");
        String clientResolveBy = expectationSet(clientId, issueId).text("expectation.when.resolveBy");

        publishIssueReported(clientId, issueId);
        publishExpectationSet(clientId, issueId);

        JsonNode targets = MAPPER.readTree(KafkaTestTopics.awaitEvents(IncidentTopics.EVENTS, records -> records.stream()
                        .anyMatch(r -> isTargetsOf(r, issueId)))
                .stream().filter(r -> isTargetsOf(r, issueId)).findFirst().orElseThrow().value().getData().toBytes());
        assertThat(targets.get("acknowledgeBy").asText()).isEqualTo(reportedAt.plus(Duration.ofMinutes(7)).toString());
        assertThat(targets.get("planBy").asText()).isEqualTo(reportedAt.plus(Duration.ofMinutes(37)).toString());
        assertThat(targets.get("updateEvery").asText()).isEqualTo("PT47M");
        assertThat(targets.get("resolveBy").asText()).isEqualTo(clientResolveBy);
        assertThat(targets.get("policyVersion").asInt()).isEqualTo(version);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", bearer(API_KEY_A)).when().get("/incidents/" + issueId)
                        .then().statusCode(200)
                        .body("targets.updateEvery", equalTo("PT47M"))
                        .body("targets.resolveBy", equalTo(clientResolveBy))
                        .body("targets.policyVersion", equalTo(version)));
    }

    @Test
    void aRevisedResolveBy_movesTheResolveDeadline_andTheOldOneMissesNothing() throws Exception {
        String clientId = uniqueClient();
        String issueId = UUID.randomUUID().toString();
        // deadlines a few polls (PT5S in tests) ahead: the first one passes while the test waits for the second, and a
        // deadline fires up to two polls after its instant
        Instant firstResolveBy = Instant.now().plusSeconds(10).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant revisedResolveBy = firstResolveBy.plusSeconds(10);

        publishIssueReported(clientId, issueId);
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, UUID.randomUUID().toString(), IntakeEventTypes.EXPECTATION_SET,
                expectationSet(clientId, issueId).with("expectation.when.resolveBy", firstResolveBy.toString()));
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, UUID.randomUUID().toString(),
                IntakeEventTypes.EXPECTATION_REVISED, expectationRevised(clientId, issueId)
                        .with("occurredAt", Instant.now().toString())
                        .with("changes.when.before.resolveBy", firstResolveBy.toString())
                        .with("changes.when.after.resolveBy", revisedResolveBy.toString())
                        .with("expectation.when.resolveBy", revisedResolveBy.toString()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", bearer(API_KEY_A)).when().get("/incidents/" + issueId)
                        .then().statusCode(200)
                        .body("targets.resolveBy", equalTo(revisedResolveBy.toString()))
                        .body("targets.resolve.dueAt", equalTo(revisedResolveBy.toString())));
        // once the revised deadline has been missed, the first one (due earlier) has fired too, and found itself stale
        List<ConsumerRecord<String, CloudEvent>> misses = KafkaTestTopics.awaitEvents(IncidentTopics.EVENTS,
                        records -> records.stream().anyMatch(r -> isOfType(r, IncidentEventTypes.EXPECTATION_MISSED, issueId)),
                        Duration.ofSeconds(60))
                .stream().filter(r -> isOfType(r, IncidentEventTypes.EXPECTATION_MISSED, issueId)).toList();
        assertThat(misses).hasSize(1);
        JsonNode missed = MAPPER.readTree(misses.get(0).value().getData().toBytes());
        assertThat(missed.get("resolveBy").asText()).isEqualTo(revisedResolveBy.toString());
        assertThat(missed.get("occurredAt").asText()).isEqualTo(revisedResolveBy.toString());
        List<ConsumerRecord<String, CloudEvent>> targets = KafkaTestTopics.awaitEvents(IncidentTopics.EVENTS,
                        records -> records.stream().anyMatch(r -> isTargetsOf(r, issueId)))
                .stream().filter(r -> isTargetsOf(r, issueId)).toList();
        assertThat(targets).extracting(r -> MAPPER.readTree(r.value().getData().toBytes()).get("resolveBy").asText())
                .containsExactly(firstResolveBy.toString(), revisedResolveBy.toString());
    }

    private static boolean isOfType(ConsumerRecord<String, CloudEvent> record, String type, String issueId) {
        return type.equals(record.value().getType())
                && new String(record.value().getData().toBytes(), StandardCharsets.UTF_8).contains(issueId);
    }

    private static boolean isTargetsOf(ConsumerRecord<String, CloudEvent> record, String issueId) {
        return IncidentEventTypes.RESPONSE_TARGETS_SET.equals(record.value().getType())
                && new String(record.value().getData().toBytes(), StandardCharsets.UTF_8).contains(issueId);
    }

    private static ConsumerRecord<String, byte[]> deadLetterWithKey(String key) {
        return KafkaTestTopics.awaitRecords(IntakeTopics.DEAD_LETTERS,
                        records -> records.stream().anyMatch(r -> key.equals(r.key())))
                .stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    }

    private static void awaitIncident(String issueId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", bearer(API_KEY_A)).when().get("/incidents/" + issueId)
                        .then().statusCode(200));
    }
}
