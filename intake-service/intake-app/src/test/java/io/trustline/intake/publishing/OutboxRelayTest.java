package io.trustline.intake.publishing;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.issue.IssueRequests;
import io.trustline.platform.axon.AxonRuntime;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class OutboxRelayTest {

    @Inject
    AxonRuntime axon;

    @Test
    void eventsCommittedWhileTheRelayIsDown_arePublishedExactlyOnceWhenItIsBack_withTheirStoredIds() {
        EventProcessor relay = axon.configuration().eventProcessingConfiguration()
                .eventProcessor(AxonRuntime.RELAY_PROCESSOR).orElseThrow();
        String before = uniqueClient();
        report(before);
        KafkaTestTopics.awaitEvents(IntakeTopics.EVENTS, records -> ofClient(records, before).size() == 2);

        relay.shutDown();
        String whileDown = uniqueClient();
        report(whileDown);
        String witness = uniqueClient();
        relay.start();
        report(witness);

        List<ConsumerRecord<String, CloudEvent>> published = KafkaTestTopics.awaitEvents(IntakeTopics.EVENTS,
                records -> ofClient(records, witness).size() == 2);
        assertThat(ofClient(published, whileDown)).hasSize(2);
        assertThat(ofClient(published, before)).hasSize(2);
        assertThat(published).extracting(r -> r.value().getId()).doesNotHaveDuplicates();
    }

    private static void report(String clientId) {
        given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                .body(IssueRequests.payroll(clientId))
                .when().post("/issues")
                .then().statusCode(201);
    }

    private static List<ConsumerRecord<String, CloudEvent>> ofClient(List<ConsumerRecord<String, CloudEvent>> records, String clientId) {
        return records.stream().filter(r -> clientId.equals(r.value().getSubject())).toList();
    }
}
