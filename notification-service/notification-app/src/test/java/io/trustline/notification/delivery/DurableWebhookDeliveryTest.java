package io.trustline.notification.delivery;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.cloudevents.CloudEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.api.IssueReported;
import io.trustline.notification.api.NotificationEventTypes;
import io.trustline.notification.api.NotificationTopics;
import io.trustline.notification.api.WebhookDelivered;
import io.trustline.notification.api.WebhookDeliveryFailed;
import io.trustline.notification.api.WebhookEndpointDisabled;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.golden.GoldenExample;
import io.trustline.testkit.golden.GoldenJson;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Delivery over the real app, broker and Mongo stand-in, to real local receivers, with the test profile's retry
 * schedule (immediately, then 1 s three times).
 */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class DurableWebhookDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    WebhookDeliveries deliveries;

    @Test
    void aFailingEndpoint_delaysNoOther_andGetsEveryEventInEventOrderAfterItsRetries() throws IOException {
        try (ScriptedReceiver healthy = ScriptedReceiver.always(204);
             ScriptedReceiver failing = new ScriptedReceiver(n -> ScriptedReceiver.Answer.of(n <= 3 ? 500 : 200))) {
            String healthyId = register(healthy.url());
            String failingId = register(failing.url());
            String clientId = uniqueClient();
            Instant start = Instant.parse("2026-03-04T09:00:00Z");
            List<String> events = List.of(publish(clientId, start), publish(clientId, start.plusSeconds(1)),
                    publish(clientId, start.plusSeconds(2)));

            await().atMost(PATIENCE).until(() -> failing.accepted().size() == 3);

            assertThat(healthy.accepted()).containsExactlyElementsOf(events);
            assertThat(failing.accepted()).containsExactlyElementsOf(events);
            Instant healthyDone = healthy.requests().get(2).at();
            Instant failingFirstAccepted = failing.requests().stream().filter(r -> r.answeredStatus() == 200)
                    .findFirst().orElseThrow().at();
            assertThat(healthyDone).isBefore(failingFirstAccepted);
            assertThat(failing.requests()).extracting(ScriptedReceiver.Request::eventId)
                    .startsWith(events.get(0), events.get(0), events.get(0), events.get(0));

            List<CloudEvent> failingOutcomes = outcomesOf(failingId, 6);
            assertThat(failingOutcomes).extracting(CloudEvent::getType).containsExactly(
                    NotificationEventTypes.WEBHOOK_DELIVERY_FAILED, NotificationEventTypes.WEBHOOK_DELIVERY_FAILED,
                    NotificationEventTypes.WEBHOOK_DELIVERY_FAILED, NotificationEventTypes.WEBHOOK_DELIVERED,
                    NotificationEventTypes.WEBHOOK_DELIVERED, NotificationEventTypes.WEBHOOK_DELIVERED);
            WebhookDeliveryFailed firstFailure = data(failingOutcomes.get(0), WebhookDeliveryFailed.class);
            assertThat(firstFailure.eventId()).isEqualTo(events.get(0));
            assertThat(firstFailure.attempt()).isEqualTo(1);
            assertThat(firstFailure.statusCode()).isEqualTo(500);
            assertThat(firstFailure.latencyMs()).isGreaterThanOrEqualTo(0);
            assertThat(firstFailure.nextAttemptAt()).isEqualTo(firstFailure.occurredAt().plusSeconds(1));
            WebhookDelivered afterRetries = data(failingOutcomes.get(3), WebhookDelivered.class);
            assertThat(afterRetries.eventId()).isEqualTo(events.get(0));
            assertThat(afterRetries.attempt()).isEqualTo(4);
            assertThat(afterRetries.statusCode()).isEqualTo(200);
            assertThat(afterRetries.clientId()).isEqualTo(clientId);
            assertThat(outcomesOf(healthyId, 3)).extracting(e -> data(e, WebhookDelivered.class).attempt())
                    .containsExactly(1, 1, 1);
        }
    }

    @Test
    void anEndpointAnswering410_isDisabledAtOnce_andIsSentNothingMore() throws IOException {
        try (ScriptedReceiver gone = ScriptedReceiver.always(410); ScriptedReceiver healthy = ScriptedReceiver.always(204)) {
            String goneId = register(gone.url());
            String clientId = uniqueClient();
            String first = publish(clientId, Instant.parse("2026-03-04T09:00:00Z"));

            CloudEvent disabled = KafkaTestTopics.awaitEvents(NotificationTopics.EVENTS, records -> records.stream()
                            .anyMatch(r -> isAbout(r, goneId, NotificationEventTypes.WEBHOOK_ENDPOINT_DISABLED)), PATIENCE)
                    .stream().map(ConsumerRecord::value)
                    .filter(e -> NotificationEventTypes.WEBHOOK_ENDPOINT_DISABLED.equals(e.getType())
                            && goneId.equals(e.getSubject())).findFirst().orElseThrow();
            assertThat(data(disabled, WebhookEndpointDisabled.class).reason()).isEqualTo(WebhookEndpointDisabled.Reason.GONE);
            WebhookDeliveryFailed failure = data(outcomesOf(goneId, 1).get(0), WebhookDeliveryFailed.class);
            assertThat(failure.statusCode()).isEqualTo(410);
            assertThat(failure.gaveUp()).isTrue();
            await().atMost(PATIENCE).untilAsserted(() -> given().header("Authorization", bearer(API_KEY_A))
                    .when().get("/webhooks/endpoints/" + goneId)
                    .then().statusCode(200).body("disabledReason", equalTo("GONE")));

            String healthyId = register(healthy.url());
            String second = publish(clientId, Instant.parse("2026-03-04T09:00:01Z"));
            await().atMost(PATIENCE).until(() -> healthy.accepted().contains(second));

            assertThat(gone.requests()).extracting(ScriptedReceiver.Request::eventId).containsExactly(first);
            assertThat(deliveries.ofEndpoint(goneId)).extracting(d -> d.getString("eventId")).containsExactly(first);
            assertThat(healthyId).isNotEqualTo(goneId);
        }
    }

    @Test
    void a503WithRetryAfter_isTriedAgainNoSoonerThanItAsked() throws IOException {
        try (ScriptedReceiver busy = new ScriptedReceiver(n -> n == 1
                ? new ScriptedReceiver.Answer(503, Map.of("Retry-After", "3")) : ScriptedReceiver.Answer.of(204))) {
            String busyId = register(busy.url());
            String event = publish(uniqueClient(), Instant.parse("2026-03-04T09:00:00Z"));

            await().atMost(PATIENCE).until(() -> busy.accepted().contains(event));

            List<ScriptedReceiver.Request> requests = busy.requests();
            assertThat(requests).hasSize(2);
            // the schedule alone would have retried after 1 s
            assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(2900));
            WebhookDeliveryFailed failure = data(outcomesOf(busyId, 2).get(0), WebhookDeliveryFailed.class);
            assertThat(failure.statusCode()).isEqualTo(503);
            assertThat(failure.nextAttemptAt()).isEqualTo(failure.occurredAt().plusSeconds(3));
        }
    }

    @Test
    void anEventReceivedTwice_isEnqueuedAndDeliveredOnce() throws IOException {
        try (ScriptedReceiver receiver = ScriptedReceiver.always(204)) {
            String endpointId = register(receiver.url());
            String clientId = uniqueClient();
            GoldenExample<IssueReported> reported = issueReported(clientId, Instant.parse("2026-03-04T09:00:00Z"));
            String twice = UUID.randomUUID().toString();
            KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, twice, IntakeEventTypes.ISSUE_REPORTED, reported);
            KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, twice, IntakeEventTypes.ISSUE_REPORTED, reported);
            // one client's deliveries go in order, so once this later one arrived the earlier had every chance
            String later = publish(clientId, Instant.parse("2026-03-04T09:00:01Z"));

            await().atMost(PATIENCE).until(() -> receiver.accepted().contains(later));

            assertThat(receiver.accepted()).containsExactly(twice, later);
            QueuedDelivery again = new QueuedDelivery(QueuedDelivery.idOf(endpointId, twice), TENANT_A, endpointId, twice,
                    IntakeEventTypes.ISSUE_REPORTED, clientId, Instant.parse("2026-03-04T09:00:00Z"), "{}", 0, Instant.now(),
                    null);
            deliveries.enqueue(again, Instant.now());
            assertThat(deliveries.ofEndpoint(endpointId)).extracting(d -> d.getString("eventId") + " " + d.getString("status"))
                    .containsExactlyInAnyOrder(twice + " DELIVERED", later + " DELIVERED");
        }
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

    private static GoldenExample<IssueReported> issueReported(String clientId, Instant occurredAt) {
        return GoldenJson.exampleOfIssue(IssueReported.class, TENANT_A, clientId, UUID.randomUUID().toString())
                .with("occurredAt", occurredAt);
    }

    private static String publish(String clientId, Instant occurredAt) {
        String id = UUID.randomUUID().toString();
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, id, IntakeEventTypes.ISSUE_REPORTED, issueReported(clientId, occurredAt));
        return id;
    }

    /** The first {@code count} delivery outcomes published for an endpoint, in order. */
    private static List<CloudEvent> outcomesOf(String endpointId, int count) {
        return KafkaTestTopics.awaitEvents(NotificationTopics.EVENTS,
                        records -> records.stream().filter(r -> isOutcomeOf(r, endpointId)).count() >= count, PATIENCE)
                .stream().filter(r -> isOutcomeOf(r, endpointId)).map(ConsumerRecord::value).limit(count).toList();
    }

    private static boolean isOutcomeOf(ConsumerRecord<String, CloudEvent> record, String endpointId) {
        return isAbout(record, endpointId, NotificationEventTypes.WEBHOOK_DELIVERED)
                || isAbout(record, endpointId, NotificationEventTypes.WEBHOOK_DELIVERY_FAILED);
    }

    private static boolean isAbout(ConsumerRecord<String, CloudEvent> record, String endpointId, String type) {
        return endpointId.equals(record.value().getSubject()) && type.equals(record.value().getType());
    }

    private static <T> T data(CloudEvent event, Class<T> type) {
        try {
            return GoldenJson.mapper().readValue(event.getData().toBytes(), type);
        } catch (IOException e) {
            throw new AssertionError("data of " + event.getType() + " is not a " + type.getSimpleName(), e);
        }
    }
}
