package io.trustline.notification.delivery;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.api.IssueReported;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.golden.GoldenJson;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Deliveries while an endpoint's pending list is full, rebuilt, or was never stored, over the real app, broker and
 * Mongo stand-in, to real local receivers. The test profile lists 4 pending deliveries per endpoint at most.
 */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class PendingListDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-03-04T09:00:00Z");
    /** Holds one delivery for 3 s: time to enqueue more behind it. */
    private static final ScriptedReceiver.Answer BUSY = new ScriptedReceiver.Answer(503, Map.of("Retry-After", "3"));
    private static final ScriptedReceiver.Answer ACCEPTED = ScriptedReceiver.Answer.of(204);

    @Inject
    WebhookDeliveries deliveries;
    @Inject
    MongoClient mongo;
    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void oneClientsDeliveries_goOutInEventOrder_whileItsPendingListIsFull_andAfterItWasRebuilt() throws IOException {
        AtomicInteger busyRequest = new AtomicInteger(1);
        try (ScriptedReceiver receiver = new ScriptedReceiver(n -> n == busyRequest.get() ? BUSY : ACCEPTED)) {
            String endpointId = register(receiver.url());
            String client = uniqueClient();
            String other = uniqueClient();
            String first = publish(client, T0);
            await().atMost(PATIENCE).until(() -> receiver.requests().size() == 1);
            // enqueued behind the held one newest first: five pending of one client, more than the list holds
            List<String> later = List.of(publish(client, T0.plusSeconds(5)), publish(client, T0.plusSeconds(4)),
                    publish(client, T0.plusSeconds(3)), publish(client, T0.plusSeconds(2)), publish(client, T0.plusSeconds(1)));
            String otherClients = publish(other, T0.plusSeconds(9));

            await().atMost(PATIENCE).until(() -> !queue(endpointId).getBoolean("pendingComplete"));
            await().atMost(PATIENCE).until(() -> receiver.accepted().contains(later.get(0)));

            assertThat(receiver.accepted()).filteredOn(id -> !id.equals(otherClients))
                    .containsExactly(first, later.get(4), later.get(3), later.get(2), later.get(1), later.get(0));
            assertThat(receiver.accepted()).as("another client does not wait for the held one").startsWith(otherClients);
            await().atMost(PATIENCE).until(() -> queue(endpointId).getBoolean("pendingComplete"));

            busyRequest.set(receiver.requests().size() + 1);
            String held = publish(client, T0.plusSeconds(11));
            await().atMost(PATIENCE).until(() -> receiver.requests().size() == busyRequest.get());
            String earlier = publish(client, T0.plusSeconds(10));
            String last = publish(client, T0.plusSeconds(12));
            await().atMost(PATIENCE).until(() -> receiver.accepted().contains(last));

            assertThat(receiver.accepted()).endsWith(earlier, held, last);
            Document listed = queue(endpointId);
            assertThat(listed.getBoolean("pendingComplete")).isTrue();
            assertThat(listed.getList("pending", String.class)).isEmpty();
        }
    }

    @Test
    void aQueueStoredBeforePendingLists_isStillDelivered_inEventOrder_andListedFromThen() throws IOException {
        try (ScriptedReceiver receiver = ScriptedReceiver.always(204)) {
            String endpointId = register(receiver.url());
            String client = uniqueClient();
            MongoDatabase db = mongo.getDatabase(database);
            String delivered = UUID.randomUUID().toString();
            String second = UUID.randomUUID().toString();
            String first = UUID.randomUUID().toString();
            // as the previous version stored them: no pending list on the queue
            db.getCollection("webhook_deliveries").insertMany(List.of(
                    storedDelivery(endpointId, client, delivered, T0, "DELIVERED"),
                    storedDelivery(endpointId, client, second, T0.plusSeconds(2), "PENDING"),
                    storedDelivery(endpointId, client, first, T0.plusSeconds(1), "PENDING")));
            db.getCollection("webhook_endpoint_queues").insertOne(new Document("_id", endpointId)
                    .append("tenantId", TENANT_A).append("dueAt", new Date()).append("enqueues", 3L)
                    .append("claimedUntil", new Date(0)));

            await().atMost(PATIENCE).until(() -> receiver.accepted().size() == 2);
            assertThat(receiver.accepted()).containsExactly(first, second);
            await().atMost(PATIENCE).until(() -> queue(endpointId).getBoolean("pendingComplete", false));

            String live = publish(client, T0.plusSeconds(3));
            await().atMost(PATIENCE).until(() -> receiver.accepted().contains(live));
            assertThat(receiver.accepted()).containsExactly(first, second, live);
        }
    }

    private Document queue(String endpointId) {
        return deliveries.queueOf(endpointId).orElseThrow();
    }

    private static Document storedDelivery(String endpointId, String client, String eventId, Instant eventTime,
                                           String status) {
        String body = GoldenJson.mapper().createObjectNode().put("specversion", "1.0").put("id", eventId)
                .put("type", IntakeEventTypes.ISSUE_REPORTED).put("source", "/intake").put("subject", client)
                .put("time", eventTime.toString()).put("tenantid", TENANT_A).toString();
        Date now = new Date();
        return new Document("_id", QueuedDelivery.idOf(endpointId, eventId)).append("tenantId", TENANT_A)
                .append("endpointId", endpointId).append("eventId", eventId)
                .append("eventType", IntakeEventTypes.ISSUE_REPORTED).append("clientId", client)
                .append("eventTime", Date.from(eventTime)).append("seq", new ObjectId()).append("body", body)
                .append("replayId", null).append("status", status).append("attempts", status.equals("PENDING") ? 0 : 1)
                .append("nextAttemptAt", status.equals("PENDING") ? now : null).append("enqueuedAt", now);
    }

    /** Registers an endpoint for reported issues and waits until deliveries see it. */
    private static String register(String url) {
        String endpointId = given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                .body("{\"url\": \"" + url + "\", \"eventTypes\": [\"" + IntakeEventTypes.ISSUE_REPORTED + "\"]}")
                .when().post("/webhooks/endpoints")
                .then().statusCode(201).extract().path("endpointId");
        await().atMost(PATIENCE).untilAsserted(() -> given().header("Authorization", bearer(API_KEY_A))
                .when().get("/webhooks/endpoints").then().statusCode(200).body("endpoints.endpointId", hasItem(endpointId)));
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
