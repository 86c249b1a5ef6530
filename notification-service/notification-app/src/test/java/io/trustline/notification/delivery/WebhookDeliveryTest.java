package io.trustline.notification.delivery;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.API_KEY_B;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.cloudevents.CloudEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.trustline.intake.api.ExpectationSet;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.api.IssueReported;
import io.trustline.notification.api.NotificationEventTypes;
import io.trustline.notification.api.NotificationTopics;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.WebhookReceiver;
import io.trustline.testkit.golden.GoldenExample;
import io.trustline.testkit.golden.GoldenJson;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class WebhookDeliveryTest {

    @Test
    void aSubscribedEvent_isPostedToThePartner_asAStructuredCloudEvent_andOnlyToItsTenant() throws Exception {
        try (WebhookReceiver partnerA = new WebhookReceiver(); WebhookReceiver partnerB = new WebhookReceiver()) {
            register(API_KEY_A, partnerA.url(), IntakeEventTypes.ISSUE_REPORTED);
            register(API_KEY_B, partnerB.url(), IntakeEventTypes.ISSUE_REPORTED);
            String clientId = uniqueClient();
            String notSubscribed = publish(IntakeEventTypes.EXPECTATION_SET, intakeEvent(ExpectationSet.class, clientId));
            GoldenExample<IssueReported> reported = intakeEvent(IssueReported.class, clientId);
            String subscribed = publish(IntakeEventTypes.ISSUE_REPORTED, reported);

            await().atMost(Duration.ofSeconds(30)).until(() -> idsReceived(partnerA).contains(subscribed));
            WebhookReceiver.Delivery delivery = partnerA.deliveries().stream()
                    .filter(d -> JsonPath.from(d.body()).getString("id").equals(subscribed)).findFirst().orElseThrow();
            assertThat(delivery.contentType()).startsWith("application/cloudevents+json");
            JsonPath event = JsonPath.from(delivery.body());
            assertThat(event.getString("specversion")).isEqualTo("1.0");
            assertThat(event.getString("type")).isEqualTo(IntakeEventTypes.ISSUE_REPORTED);
            assertThat(event.getString("subject")).isEqualTo(clientId);
            assertThat(event.getString("tenantid")).isEqualTo(TENANT_A);
            assertThat(GoldenJson.mapper().readTree(delivery.body()).get("data")).isEqualTo(reported.tree());
            assertThat(idsReceived(partnerA)).doesNotContain(notSubscribed);
            assertThat(partnerB.deliveries()).isEmpty();
        }
    }

    @Test
    void registeringAnEndpoint_publishesWebhookEndpointRegistered_andItCanBeReadBackByItsTenantOnly() {
        String endpointId = register(API_KEY_A, "https://partner.example/hooks", IntakeEventTypes.ISSUE_REPORTED);

        given().header("Authorization", bearer(API_KEY_A)).when().get("/webhooks/endpoints/" + endpointId)
                .then().statusCode(200).body("url", equalTo("https://partner.example/hooks"));
        given().header("Authorization", bearer(API_KEY_A)).when().get("/webhooks/endpoints")
                .then().statusCode(200).body("endpoints.endpointId", hasItem(endpointId));
        given().header("Authorization", bearer(API_KEY_B)).when().get("/webhooks/endpoints/" + endpointId)
                .then().statusCode(404).contentType("application/problem+json");
        List<String> subjects = KafkaTestTopics.awaitEvents(NotificationTopics.EVENTS,
                        records -> records.stream().anyMatch(r -> endpointId.equals(r.value().getSubject())))
                .stream().map(r -> r.value()).filter(e -> endpointId.equals(e.getSubject())).map(CloudEvent::getType).toList();
        assertThat(subjects).containsExactly(NotificationEventTypes.WEBHOOK_ENDPOINT_REGISTERED);
    }

    @Test
    void anEndpointWithARelativeUrlOrAnUnknownEventType_is400_namingTheField() {
        given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                .body("{\"url\": \"/hooks\", \"eventTypes\": [\"io.trustline.intake.IssueReported.v1\"]}")
                .when().post("/webhooks/endpoints")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("url"));
        given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                .body("{\"url\": \"https://partner.example/hooks\", \"eventTypes\": [\"IssueReported\"]}")
                .when().post("/webhooks/endpoints")
                .then().statusCode(400).body("errors.field", hasItem("eventTypes[0]"));
        given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                .body("{\"url\": \"https://partner.example/hooks\", \"eventTypes\": []}")
                .when().post("/webhooks/endpoints")
                .then().statusCode(400).body("errors.field", hasItem("eventTypes"));
    }

    @Test
    void withoutAKey_is401() {
        given().when().get("/webhooks/endpoints").then().statusCode(401);
    }

    /** Registers an endpoint and waits until deliveries see it (the endpoint list is a read model that catches up). */
    private static String register(String apiKey, String url, String eventType) {
        String endpointId = given().header("Authorization", bearer(apiKey)).contentType("application/json")
                .body("{\"url\": \"" + url + "\", \"eventTypes\": [\"" + eventType + "\"]}")
                .when().post("/webhooks/endpoints")
                .then().statusCode(201)
                .body("url", equalTo(url))
                .extract().path("endpointId");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", bearer(apiKey)).when().get("/webhooks/endpoints")
                        .then().statusCode(200).body("endpoints.endpointId", hasItem(endpointId)));
        return endpointId;
    }

    /** Intake's golden example of an event, for this test's tenant and another client and issue. */
    private static <T> GoldenExample<T> intakeEvent(Class<T> event, String clientId) {
        return GoldenJson.exampleOfIssue(event, TENANT_A, clientId, UUID.randomUUID().toString());
    }

    private static String publish(String type, GoldenExample<?> event) {
        String id = UUID.randomUUID().toString();
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, id, type, event);
        return id;
    }

    private static List<String> idsReceived(WebhookReceiver receiver) {
        return receiver.deliveries().stream().map(d -> JsonPath.from(d.body()).getString("id")).toList();
    }
}
