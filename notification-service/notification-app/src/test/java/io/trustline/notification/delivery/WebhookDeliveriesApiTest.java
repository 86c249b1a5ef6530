package io.trustline.notification.delivery;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.API_KEY_B;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.api.IssueReported;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.golden.GoldenJson;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /webhooks/endpoints/{id}/deliveries} and {@code POST /webhooks/deliveries/{id}/retry} over the real app,
 * broker and Mongo stand-in, to real local receivers, with the test profile's retry schedule (immediately, then 1 s
 * three times: four attempts).
 */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class WebhookDeliveriesApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void theList_showsEachAttemptsStatusCode_whileAFailingEndpointRecovers() throws IOException {
        try (ScriptedReceiver recovering = new ScriptedReceiver(n -> ScriptedReceiver.Answer.of(n <= 2 ? 500 : 200))) {
            String endpointId = register(recovering.url());
            String clientId = uniqueClient();
            String eventId = publish(clientId, Instant.parse("2026-03-04T09:00:00Z"));

            JsonPath failing = await().atMost(PATIENCE).until(() -> deliveries(endpointId, Map.of()),
                    page -> page.getInt("items.size()") == 1 && "PENDING".equals(page.getString("items[0].status"))
                            && page.getInt("items[0].attempts") >= 1);
            assertThat(failing.getInt("items[0].lastStatusCode")).isEqualTo(500);
            assertThat(failing.getString("items[0].nextAttemptAt")).isNotNull();
            assertThat(failing.getString("items[0].lastAttemptAt")).isNotNull();

            JsonPath delivered = await().atMost(PATIENCE).until(() -> deliveries(endpointId, Map.of()),
                    page -> "DELIVERED".equals(page.getString("items[0].status")));
            assertThat(delivered.getString("items[0].eventId")).isEqualTo(eventId);
            assertThat(delivered.getString("items[0].eventType")).isEqualTo(IntakeEventTypes.ISSUE_REPORTED);
            assertThat(delivered.getString("items[0].clientId")).isEqualTo(clientId);
            assertThat(delivered.getInt("items[0].attempts")).isEqualTo(3);
            assertThat(delivered.getInt("items[0].lastStatusCode")).isEqualTo(200);
            assertThat(delivered.getString("items[0].lastError")).isNull();
            assertThat(delivered.getLong("items[0].lastLatencyMs")).isGreaterThanOrEqualTo(0);
            assertThat(delivered.getString("items[0].nextAttemptAt")).isNull();
            assertThat(delivered.getString("items[0].deliveryId")).matches("[A-Za-z0-9_-]+");
            assertThat(delivered.getString("nextCursor")).isNull();
        }
    }

    @Test
    void aFailedDelivery_isDeliveredAfterARetry_andTheListFiltersByStatusAndPages() throws IOException {
        // one client, so in event order: the first is accepted, the second fails all four attempts, then all accepted
        try (ScriptedReceiver receiver = new ScriptedReceiver(n -> ScriptedReceiver.Answer.of(n >= 2 && n <= 5 ? 500 : 200))) {
            String endpointId = register(receiver.url());
            String clientId = uniqueClient();
            Instant start = Instant.parse("2026-03-04T09:00:00Z");
            String first = publish(clientId, start);
            String second = publish(clientId, start.plusSeconds(1));
            String third = publish(clientId, start.plusSeconds(2));
            await().atMost(PATIENCE).until(() -> receiver.accepted().contains(third));

            JsonPath failed = deliveries(endpointId, Map.of("status", "FAILED"));
            assertThat(failed.getList("items.eventId")).containsExactly(second);
            assertThat(failed.getInt("items[0].attempts")).isEqualTo(4);
            assertThat(failed.getInt("items[0].lastStatusCode")).isEqualTo(500);
            assertThat(deliveries(endpointId, Map.of("status", "DELIVERED")).getList("items.eventId"))
                    .containsExactly(third, first);

            JsonPath firstPage = deliveries(endpointId, Map.of("limit", 2));
            JsonPath lastPage = deliveries(endpointId, Map.of("limit", 2, "cursor", firstPage.getString("nextCursor")));
            List<Object> paged = new ArrayList<>(firstPage.getList("items.eventId"));
            paged.addAll(lastPage.getList("items.eventId"));
            assertThat(paged).containsExactly(third, second, first);
            assertThat(lastPage.getString("nextCursor")).isNull();

            String failedId = failed.getString("items[0].deliveryId");
            as(API_KEY_B).post("/webhooks/deliveries/" + failedId + "/retry")
                    .then().statusCode(404).contentType("application/problem+json");
            as(API_KEY_A).header("Idempotency-Key", "retry-" + failedId).post("/webhooks/deliveries/" + failedId + "/retry")
                    .then().statusCode(202).body("status", equalTo("PENDING")).body("attempts", equalTo(4))
                    .body("deliveryId", equalTo(failedId)).body("nextAttemptAt", org.hamcrest.Matchers.notNullValue());

            await().atMost(PATIENCE).until(() -> receiver.accepted().contains(second));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(deliveries(endpointId, Map.of("status", "FAILED"))
                    .getList("items")).isEmpty());
            JsonPath all = deliveries(endpointId, Map.of());
            assertThat(all.getList("items.status")).containsOnly("DELIVERED");
            assertThat(all.getInt("items[1].attempts")).isEqualTo(5);

            as(API_KEY_A).header("Idempotency-Key", "retry-" + failedId).post("/webhooks/deliveries/" + failedId + "/retry")
                    .then().statusCode(202).header("Idempotent-Replayed", "true").body("status", equalTo("DELIVERED"));
            as(API_KEY_A).post("/webhooks/deliveries/" + failedId + "/retry")
                    .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("DELIVERED"));
            assertThat(receiver.requests()).extracting(ScriptedReceiver.Request::eventId).filteredOn(second::equals).hasSize(5);
        }
    }

    @Test
    void aDeliveryOfADisabledEndpoint_isNotRetried() throws IOException {
        try (ScriptedReceiver gone = ScriptedReceiver.always(410)) {
            String endpointId = register(gone.url());
            publish(uniqueClient(), Instant.parse("2026-03-04T09:00:00Z"));
            await().atMost(PATIENCE).untilAsserted(() -> as(API_KEY_A).get("/webhooks/endpoints/" + endpointId)
                    .then().statusCode(200).body("disabledReason", equalTo("GONE")));
            String deliveryId = deliveries(endpointId, Map.of("status", "FAILED")).getString("items[0].deliveryId");

            as(API_KEY_A).post("/webhooks/deliveries/" + deliveryId + "/retry")
                    .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("DISABLED"));
            assertThat(gone.requests()).hasSize(1);
        }
    }

    @Test
    void aPendingDelivery_isNotRetried() throws IOException {
        try (ScriptedReceiver failing = ScriptedReceiver.always(500)) {
            String endpointId = register(failing.url());
            publish(uniqueClient(), Instant.parse("2026-03-04T09:00:00Z"));
            JsonPath pending = await().atMost(PATIENCE).until(() -> deliveries(endpointId, Map.of("status", "PENDING")),
                    page -> page.getInt("items.size()") == 1);

            as(API_KEY_A).post("/webhooks/deliveries/" + pending.getString("items[0].deliveryId") + "/retry")
                    .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("PENDING"));
        }
    }

    @Test
    void anotherTenantsEndpoint_andUnknownIds_are404() throws IOException {
        try (ScriptedReceiver receiver = ScriptedReceiver.always(204)) {
            String endpointId = register(receiver.url());
            as(API_KEY_B).get("/webhooks/endpoints/" + endpointId + "/deliveries")
                    .then().statusCode(404).contentType("application/problem+json");
            as(API_KEY_A).get("/webhooks/endpoints/" + UUID.randomUUID() + "/deliveries")
                    .then().statusCode(404).contentType("application/problem+json");
            String unknownDelivery = WebhookDeliveryEntry.publicId(QueuedDelivery.idOf(endpointId, UUID.randomUUID().toString()));
            as(API_KEY_A).post("/webhooks/deliveries/" + unknownDelivery + "/retry")
                    .then().statusCode(404).contentType("application/problem+json");
            as(API_KEY_A).post("/webhooks/deliveries/bm90LWEtZGVsaXZlcnk/retry")
                    .then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void badQueryValues_are400_namingThem() throws IOException {
        try (ScriptedReceiver receiver = ScriptedReceiver.always(204)) {
            String path = "/webhooks/endpoints/" + register(receiver.url()) + "/deliveries";
            as(API_KEY_A).queryParam("status", "LOST").get(path)
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("status"));
            as(API_KEY_A).queryParam("limit", 0).get(path)
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("limit"));
            as(API_KEY_A).queryParam("limit", 201).get(path)
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("limit"));
            as(API_KEY_A).queryParam("cursor", "bm90LWEtY3Vyc29y").get(path)
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("cursor"));
            // a cursor of the right version whose position is not a delivery's
            as(API_KEY_A).queryParam("cursor", "djE6bm9wZQ").get(path)
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("cursor"));
            as(API_KEY_A).queryParam("cursor", "not a cursor").get(path)
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("cursor"));
            as(API_KEY_A).get(path).then().statusCode(200).body("items.size()", equalTo(0)).body("nextCursor", nullValue());
        }
    }

    @Test
    void theOpenApi_statesTheConstraints() {
        JsonPath api = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        String list = "paths.'/webhooks/endpoints/{endpointId}/deliveries'.get.parameters";
        assertThat(api.getString(list + ".find { it.name == 'status' }.schema.pattern")).isEqualTo("PENDING|DELIVERED|FAILED");
        assertThat(api.getInt(list + ".find { it.name == 'limit' }.schema.minimum")).isEqualTo(1);
        assertThat(api.getInt(list + ".find { it.name == 'limit' }.schema.maximum")).isEqualTo(200);
        assertThat(api.getString(list + ".find { it.name == 'cursor' }.schema.pattern")).isEqualTo("[A-Za-z0-9_-]+");
        assertThat(api.getMap("paths.'/webhooks/deliveries/{deliveryId}/retry'.post.responses")).isNotEmpty();
    }

    private static RequestSpecification as(String apiKey) {
        return given().header("Authorization", bearer(apiKey)).when();
    }

    private static JsonPath deliveries(String endpointId, Map<String, ?> query) {
        return as(API_KEY_A).queryParams(query).get("/webhooks/endpoints/" + endpointId + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Registers an endpoint for reported issues and waits until deliveries see it. */
    private static String register(String url) {
        String endpointId = given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                .body("{\"url\": \"" + url + "\", \"eventTypes\": [\"" + IntakeEventTypes.ISSUE_REPORTED + "\"]}")
                .when().post("/webhooks/endpoints")
                .then().statusCode(201).extract().path("endpointId");
        await().atMost(PATIENCE).untilAsserted(() -> as(API_KEY_A).get("/webhooks/endpoints")
                .then().statusCode(200).body("endpoints.endpointId", hasItem(endpointId)));
        return endpointId;
    }

    private static String publish(String clientId, Instant occurredAt) {
        String id = UUID.randomUUID().toString();
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, id, IntakeEventTypes.ISSUE_REPORTED,
                GoldenJson.exampleOfIssue(IssueReported.class, TENANT_A, clientId, UUID.randomUUID().toString())
                        .with("occurredAt", occurredAt));
        return id;
    }
}
