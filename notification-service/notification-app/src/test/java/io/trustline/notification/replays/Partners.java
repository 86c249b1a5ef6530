package io.trustline.notification.replays;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.api.IssueReported;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.golden.GoldenJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the replay and backfill tests do as a partner and as the intake service. */
final class Partners {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private Partners() {
    }

    static RequestSpecification as(String apiKey) {
        return given().header("Authorization", bearer(apiKey)).contentType("application/json");
    }

    /** A registration for reported issues of these clients only, so that other tests' events never reach it. */
    static ObjectNode registration(String url, String... clientIds) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("url", url);
        body.putArray("eventTypes").add(IntakeEventTypes.ISSUE_REPORTED);
        List.of(clientIds).forEach(body.withArray("clientIds")::add);
        return body;
    }

    /** Registers the endpoint, waits until deliveries see it, and answers the registration (id and secret). */
    static JsonPath register(ObjectNode body) {
        JsonPath registered = as(API_KEY_A).body(body.toString()).when().post("/webhooks/endpoints")
                .then().statusCode(201).extract().jsonPath();
        awaitListed(registered.getString("endpointId"));
        return registered;
    }

    static void awaitListed(String endpointId) {
        await().atMost(PATIENCE).untilAsserted(() -> as(API_KEY_A).when().get("/webhooks/endpoints")
                .then().statusCode(200).body("endpoints.endpointId", hasItem(endpointId)));
    }

    /** Publishes an issue report of the client as intake would; answers its event id. */
    static String publishIssueReported(String clientId, Instant occurredAt, String priority) {
        String id = UUID.randomUUID().toString();
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, id, IntakeEventTypes.ISSUE_REPORTED,
                GoldenJson.exampleOfIssue(IssueReported.class, TENANT_A, clientId, UUID.randomUUID().toString())
                        .with("occurredAt", occurredAt).with("priority", priority));
        return id;
    }

    /** Whole seconds some days back: within the archive's retention, and kept exactly by MongoDB's dates. */
    static Instant daysAgo(int days) {
        return Instant.now().minus(Duration.ofDays(days)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
}
