package io.trustline.notification.delivery;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.api.IssueReported;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.WebhookReceiver;
import io.trustline.testkit.golden.GoldenJson;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class FilteredDeliveryTest {

    @Test
    void aFilterThatIsNotBoolean_orDoesNotTypeCheck_is400_namingFilter_withLineAndColumn() {
        ObjectNode body = registration("https://partner.example/hooks");
        body.put("filter", "subject == \"acme\" &&\n  data.priority > 3 && subjet == \"x\"");
        given().header("Authorization", bearer(API_KEY_A)).contentType("application/json").body(body.toString())
                .when().post("/webhooks/endpoints")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("filter"))
                .body("errors.find { it.field == 'filter' }.message", containsString("line 2, column"))
                .body("errors.find { it.field == 'filter' }.message", containsString("subjet"));
        body.put("filter", "size(subject)");
        given().header("Authorization", bearer(API_KEY_A)).contentType("application/json").body(body.toString())
                .when().post("/webhooks/endpoints")
                .then().statusCode(400).body("errors.field", hasItem("filter"));
        body.remove("filter");
        body.putArray("clientIds").add("acme dental");
        given().header("Authorization", bearer(API_KEY_A)).contentType("application/json").body(body.toString())
                .when().post("/webhooks/endpoints")
                .then().statusCode(400).body("errors.field", hasItem("clientIds[0]"));
    }

    @Test
    void anEndpointFilteringOnPriority_receivesOnlyTheCriticalIssues() throws Exception {
        try (WebhookReceiver partner = new WebhookReceiver()) {
            ObjectNode body = registration(partner.url());
            String filter = "data.priority == \"CRITICAL\"";
            body.put("filter", filter);
            String endpointId = register(body);
            given().header("Authorization", bearer(API_KEY_A)).when().get("/webhooks/endpoints/" + endpointId)
                    .then().statusCode(200).body("filter", equalTo(filter));
            String clientId = uniqueClient();
            // same client, so the same partition: the low one is handled first, and would be delivered first
            String low = publishIssueReported(clientId, "LOW");
            String critical = publishIssueReported(clientId, "CRITICAL");

            await().atMost(Duration.ofSeconds(30)).until(() -> idsReceived(partner).contains(critical));
            assertThat(idsReceived(partner)).containsExactly(critical).doesNotContain(low);
        }
    }

    @Test
    void anEndpointWithAClientAllowList_receivesOnlyThoseClientsEvents() throws Exception {
        try (WebhookReceiver allowList = new WebhookReceiver(); WebhookReceiver everyClient = new WebhookReceiver()) {
            String allowed = uniqueClient();
            String other = uniqueClient();
            ObjectNode body = registration(allowList.url());
            body.putArray("clientIds").add(allowed);
            String endpointId = register(body);
            register(registration(everyClient.url()));
            given().header("Authorization", bearer(API_KEY_A)).when().get("/webhooks/endpoints/" + endpointId)
                    .then().statusCode(200).body("clientIds", equalTo(List.of(allowed)));

            String othersEvent = publishIssueReported(other, "HIGH");
            // once the other client's event reached an endpoint, it was handled for every endpoint
            await().atMost(Duration.ofSeconds(30)).until(() -> idsReceived(everyClient).contains(othersEvent));
            String allowedEvent = publishIssueReported(allowed, "HIGH");

            await().atMost(Duration.ofSeconds(30)).until(() -> idsReceived(allowList).contains(allowedEvent));
            assertThat(idsReceived(allowList)).containsExactly(allowedEvent);
            await().atMost(Duration.ofSeconds(30)).until(() -> idsReceived(everyClient).contains(allowedEvent));
        }
    }

    private static ObjectNode registration(String url) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("url", url);
        body.putArray("eventTypes").add(IntakeEventTypes.ISSUE_REPORTED);
        return body;
    }

    /** Registers an endpoint and waits until deliveries see it (the endpoint list is a read model that catches up). */
    private static String register(ObjectNode body) {
        String endpointId = given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                .body(body.toString())
                .when().post("/webhooks/endpoints")
                .then().statusCode(201).extract().path("endpointId");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", bearer(API_KEY_A)).when().get("/webhooks/endpoints")
                        .then().statusCode(200).body("endpoints.endpointId", hasItem(endpointId)));
        return endpointId;
    }

    private static String publishIssueReported(String clientId, String priority) {
        String id = UUID.randomUUID().toString();
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, id, IntakeEventTypes.ISSUE_REPORTED,
                GoldenJson.exampleOfIssue(IssueReported.class, TENANT_A, clientId, UUID.randomUUID().toString())
                        .with("priority", priority));
        return id;
    }

    private static List<String> idsReceived(WebhookReceiver receiver) {
        return receiver.deliveries().stream().map(d -> JsonPath.from(d.body()).getString("id")).toList();
    }
}
