package io.trustline.incident.contract;

import static io.restassured.RestAssured.given;
import static io.trustline.incident.intake.IntakeEvents.publishExpectationSet;
import static io.trustline.incident.intake.IntakeEvents.publishIssueReported;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trustline.incident.api.IncidentTopics;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.asyncapi.ServedAsyncApi;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /asyncapi.yaml}: incident's AsyncAPI document, open to tools, valid, and true to what incident publishes
 * and to the dead letters it writes for intake's topic.
 */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class AsyncApiDocumentServedTest {

    @Test
    void document_isServedWithoutAnApiKey_namesWhatIncidentReads_andIsValidForTheAsyncApiCli() {
        ServedAsyncApi document = served();

        assertThat(document.operations()).containsExactlyInAnyOrder("sendIncidentEvents",
                "intake-events.receive.intakeEvents", "intake-events.send.intakeDeadLetters");
        assertThat(document.document().at("/operations/intake-events.receive.intakeEvents/bindings/kafka/groupId/const")
                .asText()).isEqualTo("trustline-incident-intake-events");
        document.assertValidForTheAsyncApiCli("incident");
    }

    @Test
    void theRecordsIncidentPublishes_fitTheirMessages_headersKeyAndValue() {
        String clientId = uniqueClient();
        String issueId = UUID.randomUUID().toString();
        publishIssueReported(clientId, issueId);
        publishExpectationSet(clientId, issueId);

        // the incident opens, and the expectation sets its response targets
        List<ConsumerRecord<String, byte[]>> published = KafkaTestTopics.awaitRecords(IncidentTopics.EVENTS,
                records -> ofClient(records, clientId).size() >= 2);

        ServedAsyncApi document = served();
        ofClient(published, clientId).forEach(document::assertFits);
    }

    @Test
    void theDeadLettersIncidentWrites_fitTheDeadLetterMessage() {
        String key = TENANT_A + ":" + uniqueClient();
        KafkaTestTopics.publishRaw(IntakeTopics.EVENTS, key, "this is not JSON".getBytes(StandardCharsets.UTF_8),
                List.of());

        ConsumerRecord<String, byte[]> dead = KafkaTestTopics.awaitRecords(IntakeTopics.DEAD_LETTERS,
                records -> records.stream().anyMatch(r -> key.equals(r.key()))).stream()
                .filter(r -> key.equals(r.key())).findFirst().orElseThrow();

        served().assertFits(dead);
    }

    private static ServedAsyncApi served() {
        return ServedAsyncApi.of(given().when().get("/asyncapi.yaml")
                .then().statusCode(200).contentType("application/yaml")
                .extract().asString());
    }

    private static List<ConsumerRecord<String, byte[]>> ofClient(List<ConsumerRecord<String, byte[]>> records,
                                                                 String clientId) {
        return records.stream().filter(r -> clientId.equals(KafkaTestTopics.header(r, "ce_subject"))).toList();
    }
}
