package io.trustline.notification.delivery;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trustline.incident.api.ActionPlanIssued;
import io.trustline.incident.api.IncidentEventTypes;
import io.trustline.incident.api.IncidentTopics;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.golden.GoldenJson;
import io.trustline.testkit.metrics.PrometheusScrape;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Webhook attempts on notification's {@code /q/metrics}. The endpoint subscribes to an incident event type no other
 * test subscribes to, so the counts of that type move by this test's attempts only.
 */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class WebhookMetricsTest {

    private static final String ATTEMPTS = "trustline_webhook_attempts_seconds_count";

    @Test
    void anAttemptThatFailsThenOneThatSucceeds_countOneRetryAndOneDelivered_withTheirLatency() throws IOException {
        try (ScriptedReceiver receiver = new ScriptedReceiver(n -> ScriptedReceiver.Answer.of(n == 1 ? 503 : 204))) {
            String endpointId = given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                    .body("{\"url\": \"" + receiver.url() + "\", \"eventTypes\": [\"" + IncidentEventTypes.ACTION_PLAN_ISSUED
                            + "\"]}")
                    .when().post("/webhooks/endpoints")
                    .then().statusCode(201).extract().path("endpointId");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().header("Authorization", bearer(API_KEY_A)).when().get("/webhooks/endpoints")
                            .then().statusCode(200).body("endpoints.endpointId", hasItem(endpointId)));
            PrometheusScrape before = scrape();

            String clientId = uniqueClient();
            KafkaTestTopics.publishEvent(IncidentTopics.EVENTS, UUID.randomUUID().toString(),
                    IncidentEventTypes.ACTION_PLAN_ISSUED, GoldenJson.exampleOfIssue(ActionPlanIssued.class, TENANT_A,
                            clientId, UUID.randomUUID().toString()));

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> moved(before, scrape(), ATTEMPTS, "delivered") == 1);
            PrometheusScrape after = scrape();
            assertThat(moved(before, after, ATTEMPTS, "retry")).isEqualTo(1);
            assertThat(moved(before, after, ATTEMPTS, "failed")).isZero();
            assertThat(moved(before, after, "trustline_webhook_attempts_seconds_sum", "delivered")).isPositive();
            assertThat(after.sum("trustline_webhook_attempts_seconds_bucket", Map.of("event_type",
                    IncidentEventTypes.ACTION_PLAN_ISSUED, "outcome", "delivered", "le", "+Inf"))).isPositive();
        }
    }

    private static PrometheusScrape scrape() {
        return PrometheusScrape.parse(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    private static double moved(PrometheusScrape before, PrometheusScrape after, String name, String outcome) {
        Map<String, String> labels = Map.of("event_type", IncidentEventTypes.ACTION_PLAN_ISSUED, "outcome", outcome);
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
