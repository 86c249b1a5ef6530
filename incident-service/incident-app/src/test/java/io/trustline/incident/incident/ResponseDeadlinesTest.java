package io.trustline.incident.incident;

import static io.restassured.RestAssured.given;
import static io.trustline.incident.intake.IntakeEvents.expectationSet;
import static io.trustline.incident.intake.IntakeEvents.issueReported;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.trustline.incident.api.IncidentEventTypes;
import io.trustline.incident.api.IncidentTopics;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The deadlines on the real scheduler: JobRunr over the Mongo stand-in, polling every 5 s in tests. */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class ResponseDeadlinesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void anIssueNotAcknowledgedWithinSeconds_publishesResponseTargetMissed_atItsTarget() throws Exception {
        // the golden expectation is STOPPED on EVERYONE: acknowledge within 3 s, nothing else due during the test
        ObjectNode policy = (ObjectNode) MAPPER.readTree(given().header("Authorization", bearer(API_KEY_A))
                .when().get("/policies/response").then().statusCode(200).extract().asString());
        policy.remove("version");
        ((ObjectNode) policy.at("/cells/STOPPED/EVERYONE")).put("acknowledge", "PT3S").put("actionPlan", "P1D")
                .put("updateEvery", "P1D").put("resolve", "P2D");
        given().header("Authorization", bearer(API_KEY_A)).contentType(ContentType.JSON)
                .body(policy.toString()).when().put("/policies/response").then().statusCode(200);
        String clientId = uniqueClient();
        String issueId = UUID.randomUUID().toString();
        Instant reportedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, UUID.randomUUID().toString(), IntakeEventTypes.ISSUE_REPORTED,
                issueReported(clientId, issueId).with("occurredAt", reportedAt.toString()));
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, UUID.randomUUID().toString(), IntakeEventTypes.EXPECTATION_SET,
                expectationSet(clientId, issueId).with("expectation.when.resolveBy", reportedAt.plus(Duration.ofDays(2)).toString()));

        ConsumerRecord<String, CloudEvent> missed = KafkaTestTopics.awaitEvents(IncidentTopics.EVENTS,
                        records -> records.stream().anyMatch(r -> isMissedTargetOf(r, issueId)))
                .stream().filter(r -> isMissedTargetOf(r, issueId)).findFirst().orElseThrow();
        JsonNode data = MAPPER.readTree(missed.value().getData().toBytes());
        Instant acknowledgeBy = reportedAt.plusSeconds(3);
        assertThat(data.get("phase").asText()).isEqualTo("ACKNOWLEDGE");
        assertThat(data.get("occurredAt").asText()).isEqualTo(acknowledgeBy.toString());
        assertThat(missed.value().getTime().toInstant()).isEqualTo(acknowledgeBy);
    }

    private static boolean isMissedTargetOf(ConsumerRecord<String, CloudEvent> record, String issueId) {
        return IncidentEventTypes.RESPONSE_TARGET_MISSED.equals(record.value().getType())
                && new String(record.value().getData().toBytes(), StandardCharsets.UTF_8).contains(issueId);
    }
}
