package io.trustline.notification.contract;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trustline.notification.api.NotificationEventTypes;
import io.trustline.notification.api.NotificationTopics;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.asyncapi.ServedAsyncApi;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /asyncapi.yaml}: notification's AsyncAPI document, open to tools, valid, and true to what notification
 * publishes: an endpoint's registration and the rotation of its secret.
 */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class AsyncApiDocumentServedTest {

    // registered for a type nobody publishes, so nothing is ever delivered to the made-up partner
    private static final String NEVER_DELIVERED_TYPE = "io.trustline.intake.NothingPublishesThis.v1";

    @Test
    void document_isServedWithoutAnApiKey_namesWhatNotificationReads_andIsValidForTheAsyncApiCli() {
        ServedAsyncApi document = served();

        assertThat(document.operations()).containsExactlyInAnyOrder("sendNotificationEvents",
                "webhook-delivery.receive.intakeEvents", "webhook-delivery.send.intakeDeadLetters",
                "webhook-delivery.receive.incidentEvents", "webhook-delivery.send.incidentDeadLetters",
                "live-stream.receive.intakeEvents", "live-stream.receive.incidentEvents",
                "live-stream.receive.relationshipEvents", "live-stream.receive.notificationEvents");
        document.assertValidForTheAsyncApiCli("notification");
    }

    @Test
    void theRecordsNotificationPublishes_fitTheirMessages_headersKeyAndValue() {
        String endpointId = given().header("Authorization", bearer(API_KEY_A))
                .header("Idempotency-Key", "asyncapi-" + UUID.randomUUID()).contentType("application/json")
                .body("{\"url\": \"https://partner.example/hooks\", \"eventTypes\": [\"" + NEVER_DELIVERED_TYPE + "\"],"
                        + " \"filter\": \"data.priority == 'HIGH'\", \"clientIds\": [\"acme-dental\"]}")
                .when().post("/webhooks/endpoints")
                .then().statusCode(201).extract().path("endpointId");
        given().header("Authorization", bearer(API_KEY_A)).header("Idempotency-Key", "asyncapi-" + UUID.randomUUID())
                .when().post("/webhooks/endpoints/" + endpointId + "/secret/rotation")
                .then().statusCode(201);

        List<ConsumerRecord<String, byte[]>> published = KafkaTestTopics.awaitRecords(NotificationTopics.EVENTS,
                records -> types(ofEndpoint(records, endpointId)).containsAll(List.of(
                        NotificationEventTypes.WEBHOOK_ENDPOINT_REGISTERED,
                        NotificationEventTypes.WEBHOOK_ENDPOINT_SECRET_ROTATED)));

        ServedAsyncApi document = served();
        ofEndpoint(published, endpointId).forEach(document::assertFits);
    }

    private static ServedAsyncApi served() {
        return ServedAsyncApi.of(given().when().get("/asyncapi.yaml")
                .then().statusCode(200).contentType("application/yaml")
                .extract().asString());
    }

    private static List<ConsumerRecord<String, byte[]>> ofEndpoint(List<ConsumerRecord<String, byte[]>> records,
                                                                   String endpointId) {
        return records.stream().filter(r -> endpointId.equals(KafkaTestTopics.header(r, "ce_subject"))).toList();
    }

    private static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> KafkaTestTopics.header(r, "ce_type")).toList();
    }
}
