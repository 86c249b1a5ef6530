package io.trustline.relationship.contract;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trustline.intake.api.ExpectationSet;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.api.IssueReported;
import io.trustline.relationship.api.RelationshipEventTypes;
import io.trustline.relationship.api.RelationshipTopics;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.asyncapi.ServedAsyncApi;
import io.trustline.testkit.golden.GoldenJson;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /asyncapi.yaml}: relationship's AsyncAPI document, open to tools, valid, and true to what relationship
 * publishes: a moment recorded over REST and a trust change derived from scoring intake's events.
 */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class AsyncApiDocumentServedTest {

    @Test
    void document_isServedWithoutAnApiKey_namesWhatRelationshipReads_andIsValidForTheAsyncApiCli() {
        ServedAsyncApi document = served();

        assertThat(document.operations()).containsExactlyInAnyOrder("sendRelationshipEvents",
                "scored-timeline.receive.intakeEvents", "scored-timeline.send.intakeDeadLetters",
                "scored-timeline.receive.incidentEvents", "scored-timeline.send.incidentDeadLetters",
                "scored-timeline.receive.relationshipEvents", "scored-timeline.send.relationshipDeadLetters");
        document.assertValidForTheAsyncApiCli("relationship");
    }

    @Test
    void theRecordsRelationshipPublishes_fitTheirMessages_headersKeyAndValue() {
        String clientId = uniqueClient();
        String issueId = UUID.randomUUID().toString();
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, UUID.randomUUID().toString(), IntakeEventTypes.ISSUE_REPORTED,
                GoldenJson.exampleOfIssue(IssueReported.class, TENANT_A, clientId, issueId));
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, UUID.randomUUID().toString(),
                IntakeEventTypes.EXPECTATION_SET,
                GoldenJson.exampleOfIssue(ExpectationSet.class, TENANT_A, clientId, issueId));
        given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                .body("{\"kind\": \"QBR\", \"faceToFace\": true, \"attendees\": [\"Dana\"]}")
                .when().post("/clients/" + clientId + "/meetings")
                .then().statusCode(201);

        List<ConsumerRecord<String, byte[]>> published = KafkaTestTopics.awaitRecords(RelationshipTopics.EVENTS,
                records -> types(ofClient(records, clientId)).containsAll(
                        List.of(RelationshipEventTypes.MEETING_HELD, RelationshipEventTypes.TRUST_CHANGED)));

        ServedAsyncApi document = served();
        ofClient(published, clientId).forEach(document::assertFits);
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

    private static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> KafkaTestTopics.header(r, "ce_type")).toList();
    }
}
