package io.trustline.notification.delivery;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.trustline.intake.api.ExpectationSet;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.api.IssueReported;
import io.trustline.notification.api.NotificationEventTypes;
import io.trustline.notification.api.NotificationTopics;
import io.trustline.notification.api.WebhookEndpointDisabled;
import io.trustline.notification.api.WebhookEndpointEnabled;
import io.trustline.notification.api.WebhookEndpointUpdated;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.golden.GoldenExample;
import io.trustline.testkit.golden.GoldenJson;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * What a partner's receiver gets after its tenant changes, disables, enables or deletes the endpoint, over the real
 * app, broker and Mongo stand-in, to real local receivers, with the test profile's retry schedule (immediately, then
 * 1 s three times). A change applies to the events handled once GET shows it; each test waits for that first.
 */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class EndpointChangesDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-03-04T09:00:00Z");
    /** A busy receiver's answer that spaces the retries of one delivery 2 s apart: time to act between them. */
    private static final ScriptedReceiver.Answer BUSY = new ScriptedReceiver.Answer(503, Map.of("Retry-After", "2"));

    @Test
    void aChangedFilterAndEventTypes_changeWhatThePartnerReceives() throws IOException {
        try (ScriptedReceiver partner = ScriptedReceiver.always(204)) {
            String endpointId = register(partner.url(), null);
            String clientId = uniqueClient();

            patch(endpointId, "{\"filter\": \"has(data.priority) && data.priority == 'CRITICAL'\"}");
            awaitShown(endpointId, "filter", "has(data.priority) && data.priority == 'CRITICAL'");
            // one client, so one partition: when the later event arrives, the earlier one was handled
            String low = publishIssue(clientId, "LOW", T0);
            String critical = publishIssue(clientId, "CRITICAL", T0.plusSeconds(1));
            await().atMost(PATIENCE).until(() -> partner.accepted().contains(critical));
            assertThat(partner.accepted()).containsExactly(critical).doesNotContain(low);

            patch(endpointId, "{\"filter\": null, \"eventTypes\": [\"" + IntakeEventTypes.EXPECTATION_SET + "\"]}");
            awaitShown(endpointId, "eventTypes", List.of(IntakeEventTypes.EXPECTATION_SET));
            String notSubscribedAnyMore = publishIssue(clientId, "CRITICAL", T0.plusSeconds(2));
            String expectationSet = publish(IntakeEventTypes.EXPECTATION_SET, intakeEvent(ExpectationSet.class, clientId));
            await().atMost(PATIENCE).until(() -> partner.accepted().contains(expectationSet));
            assertThat(partner.accepted()).containsExactly(critical, expectationSet).doesNotContain(notSubscribedAnyMore);

            WebhookEndpointUpdated last = data(awaitPublished(endpointId, NotificationEventTypes.WEBHOOK_ENDPOINT_UPDATED, 2)
                    .get(1), WebhookEndpointUpdated.class);
            assertThat(last.changed()).containsExactly("eventTypes", "filter");
            assertThat(last.filter()).isNull();
            assertThat(last.eventTypes()).containsExactly(IntakeEventTypes.EXPECTATION_SET);
        }
    }

    @Test
    void aChangedAllowListAndUrl_sendTheAllowedClientsEventsToTheNewUrl() throws IOException {
        try (ScriptedReceiver oldUrl = ScriptedReceiver.always(204); ScriptedReceiver newUrl = ScriptedReceiver.always(204);
             ScriptedReceiver everyClient = ScriptedReceiver.always(204)) {
            String acme = uniqueClient();
            String globex = uniqueClient();
            String endpointId = register(oldUrl.url(), List.of(acme));
            register(everyClient.url(), null);

            patch(endpointId, "{\"clientIds\": [\"" + globex + "\"], \"url\": \"" + newUrl.url() + "\"}");
            awaitShown(endpointId, "url", newUrl.url());
            String acmesEvent = publishIssue(acme, "HIGH", T0);
            String globexsEvent = publishIssue(globex, "HIGH", T0);
            await().atMost(PATIENCE).until(() -> newUrl.accepted().contains(globexsEvent)
                    && everyClient.accepted().contains(acmesEvent));
            // an event is enqueued for every endpoint at once: the witness got acme's, so this endpoint passed it over
            assertThat(deliveries(endpointId).getList("items.eventId")).containsExactly(globexsEvent);
            assertThat(newUrl.accepted()).containsExactly(globexsEvent);
            assertThat(oldUrl.requests()).isEmpty();

            patch(endpointId, "{\"clientIds\": null}");
            await().atMost(PATIENCE).untilAsserted(() -> as(API_KEY_A).get("/webhooks/endpoints/" + endpointId)
                    .then().body("clientIds", nullValue()));
            String acmesNext = publishIssue(acme, "HIGH", T0.plusSeconds(1));
            await().atMost(PATIENCE).until(() -> newUrl.accepted().contains(acmesNext));
        }
    }

    @Test
    void aDisabledEndpoint_holdsItsWaitingDeliveries_getsNothingNew_andWhenEnabledGetsTheHeldOnesInOrder() throws IOException {
        AtomicReference<ScriptedReceiver.Answer> answer = new AtomicReference<>(BUSY);
        try (ScriptedReceiver partner = new ScriptedReceiver(n -> answer.get());
             ScriptedReceiver witness = ScriptedReceiver.always(204)) {
            String endpointId = register(partner.url(), null);
            register(witness.url(), null);
            String clientId = uniqueClient();
            String first = publishIssue(clientId, "HIGH", T0);
            String second = publishIssue(clientId, "HIGH", T0.plusSeconds(1));
            String third = publishIssue(clientId, "HIGH", T0.plusSeconds(2));
            await().atMost(PATIENCE).until(() -> !partner.requests().isEmpty()
                    && deliveries(endpointId).getList("items").size() == 3);

            patch(endpointId, "{\"enabled\": false}");
            awaitShown(endpointId, "disabledReason", "DISABLED_BY_TENANT");
            // held: its retry falls due and is not made for ten poll intervals; an attempt would move the due time (or,
            // the schedule spent, fail it), and this wait would not end
            JsonPath held = await().atMost(PATIENCE).until(() -> deliveries(endpointId), page -> Instant.now().isAfter(
                    Instant.parse(headOf(page, first).orElseThrow().get("nextAttemptAt").toString()).plusSeconds(2)));
            assertThat(held.getList("items.status")).containsOnly("PENDING");
            assertThat(headOf(held, first).orElseThrow().get("attempts")).isEqualTo(partner.requests().size());
            String whileDisabled = publishIssue(clientId, "HIGH", T0.plusSeconds(3));
            await().atMost(PATIENCE).until(() -> witness.accepted().contains(whileDisabled));

            answer.set(ScriptedReceiver.Answer.of(204));
            patch(endpointId, "{\"enabled\": true}");

            await().atMost(PATIENCE).until(() -> partner.accepted().size() == 3);
            assertThat(partner.accepted()).containsExactly(first, second, third);
            assertThat(deliveries(endpointId).getList("items.eventId")).doesNotContain(whileDisabled);
            assertThat(data(awaitPublished(endpointId, NotificationEventTypes.WEBHOOK_ENDPOINT_DISABLED, 1).get(0),
                    WebhookEndpointDisabled.class).reason()).isEqualTo(WebhookEndpointDisabled.Reason.DISABLED_BY_TENANT);
            assertThat(data(awaitPublished(endpointId, NotificationEventTypes.WEBHOOK_ENDPOINT_ENABLED, 1).get(0),
                    WebhookEndpointEnabled.class).previousReason()).isEqualTo(WebhookEndpointDisabled.Reason.DISABLED_BY_TENANT);
        }
    }

    @Test
    void anEndpointDisabledForAnswering410_isEnabledAgain_andGetsTheDeliveriesHeldMeanwhile() throws IOException {
        AtomicReference<ScriptedReceiver.Answer> answer = new AtomicReference<>(BUSY);
        try (ScriptedReceiver partner = new ScriptedReceiver(n -> answer.get())) {
            String endpointId = register(partner.url(), null);
            String clientId = uniqueClient();
            String first = publishIssue(clientId, "HIGH", T0);
            String second = publishIssue(clientId, "HIGH", T0.plusSeconds(1));
            await().atMost(PATIENCE).until(() -> !partner.requests().isEmpty()
                    && deliveries(endpointId).getList("items").size() == 2);

            answer.set(ScriptedReceiver.Answer.of(410));
            awaitShown(endpointId, "disabledReason", "GONE");
            answer.set(ScriptedReceiver.Answer.of(204));
            patch(endpointId, "{\"enabled\": true}");

            await().atMost(PATIENCE).until(() -> partner.accepted().contains(second));
            as(API_KEY_A).get("/webhooks/endpoints/" + endpointId).then().statusCode(200)
                    .body("enabled", equalTo(true)).body("disabledReason", nullValue());
            assertThat(data(awaitPublished(endpointId, NotificationEventTypes.WEBHOOK_ENDPOINT_ENABLED, 1).get(0),
                    WebhookEndpointEnabled.class).previousReason()).isEqualTo(WebhookEndpointDisabled.Reason.GONE);
            // the delivery answered 410 was given up, and can now be retried
            String given = headOf(deliveries(endpointId), first).orElseThrow().get("deliveryId").toString();
            as(API_KEY_A).post("/webhooks/deliveries/" + given + "/retry").then().statusCode(202);
            await().atMost(PATIENCE).until(() -> partner.accepted().contains(first));
        }
    }

    @Test
    void deletingAnEndpoint_dropsItsPendingRetries_whileATwinKeepsRetrying() throws IOException {
        ScriptedReceiver.Answer slow = new ScriptedReceiver.Answer(503, Map.of("Retry-After", "3"));
        try (ScriptedReceiver doomed = new ScriptedReceiver(n -> slow); ScriptedReceiver twin = new ScriptedReceiver(n -> slow)) {
            String doomedId = register(doomed.url(), null);
            register(twin.url(), null);
            publishIssue(uniqueClient(), "HIGH", T0);
            await().atMost(PATIENCE).until(() -> !doomed.requests().isEmpty() && !twin.requests().isEmpty());

            as(API_KEY_A).delete("/webhooks/endpoints/" + doomedId).then().statusCode(204);
            await().atMost(PATIENCE).untilAsserted(() -> as(API_KEY_A).get("/webhooks/endpoints/" + doomedId)
                    .then().statusCode(404));
            // an attempt in flight at the deletion has landed once the twin made its next one, 3 s later
            int twinAtDeletion = twin.requests().size();
            await().atMost(PATIENCE).until(() -> twin.requests().size() >= twinAtDeletion + 1);
            int doomedAfterDeletion = doomed.requests().size();

            // each retry of the twin is one the deleted endpoint would have had too
            await().atMost(PATIENCE).until(() -> twin.requests().size() >= twinAtDeletion + 2);
            assertThat(doomed.requests()).hasSize(doomedAfterDeletion);
            assertThat(doomedAfterDeletion).isLessThan(twin.requests().size());
            awaitPublished(doomedId, NotificationEventTypes.WEBHOOK_ENDPOINT_DELETED, 1);
        }
    }

    private static Optional<Map<String, Object>> headOf(JsonPath page, String eventId) {
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().filter(item -> eventId.equals(item.get("eventId"))).findFirst();
    }

    private static RequestSpecification as(String apiKey) {
        return given().header("Authorization", bearer(apiKey)).when();
    }

    private static void patch(String endpointId, String body) {
        as(API_KEY_A).contentType("application/merge-patch+json").body(body).patch("/webhooks/endpoints/" + endpointId)
                .then().statusCode(200);
    }

    private static void awaitShown(String endpointId, String path, Object value) {
        await().atMost(PATIENCE).untilAsserted(() -> as(API_KEY_A).get("/webhooks/endpoints/" + endpointId)
                .then().statusCode(200).body(path, equalTo(value)));
    }

    private static JsonPath deliveries(String endpointId) {
        return as(API_KEY_A).get("/webhooks/endpoints/" + endpointId + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Registers an endpoint for reported issues (of the given clients only, unless null) and waits until GET shows it. */
    private static String register(String url, List<String> clientIds) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("url", url);
        body.putArray("eventTypes").add(IntakeEventTypes.ISSUE_REPORTED);
        if (clientIds != null) {
            clientIds.forEach(body.putArray("clientIds")::add);
        }
        String endpointId = as(API_KEY_A).contentType("application/json").body(body.toString()).post("/webhooks/endpoints")
                .then().statusCode(201).extract().path("endpointId");
        awaitShown(endpointId, "endpointId", endpointId);
        return endpointId;
    }

    private static String publishIssue(String clientId, String priority, Instant occurredAt) {
        return publish(IntakeEventTypes.ISSUE_REPORTED, intakeEvent(IssueReported.class, clientId)
                .with("priority", priority).with("occurredAt", occurredAt));
    }

    private static <T> GoldenExample<T> intakeEvent(Class<T> event, String clientId) {
        return GoldenJson.exampleOfIssue(event, TENANT_A, clientId, UUID.randomUUID().toString());
    }

    private static String publish(String type, GoldenExample<?> event) {
        String id = UUID.randomUUID().toString();
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, id, type, event);
        return id;
    }

    /** The first {@code count} events of a type published about an endpoint, in order. */
    private static List<CloudEvent> awaitPublished(String endpointId, String type, int count) {
        return KafkaTestTopics.awaitEvents(NotificationTopics.EVENTS,
                        records -> records.stream().filter(r -> isAbout(r, endpointId, type)).count() >= count, PATIENCE)
                .stream().filter(r -> isAbout(r, endpointId, type)).map(ConsumerRecord::value).limit(count).toList();
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
