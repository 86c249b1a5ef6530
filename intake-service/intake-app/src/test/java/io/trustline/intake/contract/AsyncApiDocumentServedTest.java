package io.trustline.intake.contract;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.issue.IssueRequests;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.asyncapi.ServedAsyncApi;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** {@code GET /asyncapi.yaml}: intake's AsyncAPI document, open to tools, valid, and true to what intake publishes. */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class AsyncApiDocumentServedTest {

    @Test
    void document_isServedWithoutAnApiKey_andValidForTheAsyncApiCli() {
        ServedAsyncApi document = served();

        assertThat(document.operations()).containsExactly("sendIntakeEvents");
        document.assertValidForTheAsyncApiCli("intake");
    }

    @Test
    void theRecordsIntakePublishes_fitTheirMessages_headersKeyAndValue() {
        String clientId = uniqueClient();
        given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                .body(IssueRequests.payroll(clientId))
                .when().post("/issues")
                .then().statusCode(201);

        List<ConsumerRecord<String, byte[]>> published = KafkaTestTopics.awaitRecords(IntakeTopics.EVENTS,
                records -> ofClient(records, clientId).size() == 2);

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
}
