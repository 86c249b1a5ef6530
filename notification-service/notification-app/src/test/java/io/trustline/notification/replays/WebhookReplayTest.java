package io.trustline.notification.replays;

import static io.trustline.notification.replays.Partners.PATIENCE;
import static io.trustline.notification.replays.Partners.as;
import static io.trustline.notification.replays.Partners.daysAgo;
import static io.trustline.notification.replays.Partners.publishIssueReported;
import static io.trustline.notification.replays.Partners.register;
import static io.trustline.notification.replays.Partners.registration;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.API_KEY_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.trustline.notification.archive.EventArchive;
import io.trustline.notification.delivery.WebhookSender;
import io.trustline.notification.signing.WebhookSigner;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Replays over the real app, broker and Mongo stand-in, to a real local receiver; tests read 3 archived events a page. */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class WebhookReplayTest {

    private static PartnerReceiver partners;

    @Inject
    EventArchive archive;

    @BeforeAll
    static void startPartners() throws Exception {
        partners = new PartnerReceiver();
    }

    @AfterAll
    static void stopPartners() {
        partners.close();
    }

    @Test
    void aReplay_sendsTheWindowsEventsAgain_inEventOrder_markedAsAReplay_andSignedAsUsual() throws Exception {
        String url = partners.newUrl();
        String client = uniqueClient();
        JsonPath registered = register(registration(url, client));
        String endpointId = registered.getString("endpointId");
        Instant since = daysAgo(2);
        String before = publishIssueReported(client, since.minusSeconds(1), "HIGH");
        // published out of event order: the replay sends them by event time
        String third = publishIssueReported(client, since.plusSeconds(120), "HIGH");
        String first = publishIssueReported(client, since, "HIGH");
        String fourth = publishIssueReported(client, since.plusSeconds(180), "LOW");
        String second = publishIssueReported(client, since.plusSeconds(60), "HIGH");
        String atUntil = publishIssueReported(client, since.plusSeconds(3600), "HIGH");
        List<String> live = List.of(before, third, first, fourth, second, atUntil);
        await().atMost(PATIENCE).until(() -> partners.to(url).size() == live.size());

        Response accepted = replay(endpointId, "{\"since\": \"" + since + "\", \"until\": \"" + since.plusSeconds(3600) + "\"}",
                "replay-" + UUID.randomUUID());

        accepted.then().statusCode(202).body("endpointId", equalTo(endpointId)).body("since", equalTo(since.toString()));
        String replayId = accepted.jsonPath().getString("replayId");
        String progress = accepted.header("Location");
        assertThat(progress).endsWith("/webhooks/endpoints/" + endpointId + "/replays/" + replayId);
        await().atMost(PATIENCE).until(() -> replayed(url).size() == 4);
        List<PartnerReceiver.Request> replayed = replayed(url);
        assertThat(replayed).extracting(PartnerReceiver.Request::eventId).containsExactly(first, second, third, fourth);
        for (PartnerReceiver.Request request : replayed) {
            assertThat(request.header(WebhookSender.REPLAY_ID)).isEqualTo(replayId);
            assertThat(request.header(WebhookSigner.ID)).isEqualTo(request.eventId());
            new Webhook(registered.getString("secret")).verify(request.body(), request.headers());
            assertThat(request.body()).as("the body the event was first delivered with")
                    .isEqualTo(liveDelivery(url, request.eventId()).body());
        }
        await().atMost(PATIENCE).untilAsserted(() -> as(API_KEY_A).get(progress).then().statusCode(200)
                .body("status", equalTo("ENQUEUED")).body("events", equalTo(4)).body("delivered", equalTo(4))
                .body("failed", equalTo(0)).body("pending", equalTo(0)));
        assertThat(partners.to(url)).hasSize(live.size() + 4);
        JsonPath deliveries = as(API_KEY_A).get("/webhooks/endpoints/" + endpointId + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
        assertThat(deliveries.getList("items.findAll { it.replayId == '" + replayId + "' }.eventId", String.class))
                .containsExactlyInAnyOrder(first, second, third, fourth);
        assertThat(deliveries.getList("items.findAll { it.replayId == null }.eventId", String.class))
                .containsExactlyInAnyOrderElementsOf(live);
    }

    @Test
    void aReplay_sendsOnlyWhatTheEndpointsAllowListAndFilterAdmit() throws Exception {
        String url = partners.newUrl();
        String allowed = uniqueClient();
        String other = uniqueClient();
        Instant since = daysAgo(3);
        String wanted = publishIssueReported(allowed, since.plusSeconds(1), "CRITICAL");
        String low = publishIssueReported(allowed, since.plusSeconds(2), "LOW");
        String othersCritical = publishIssueReported(other, since.plusSeconds(3), "CRITICAL");
        await().atMost(PATIENCE).until(() -> List.of(wanted, low, othersCritical).stream()
                .allMatch(id -> archive.find(id).isPresent()));
        ObjectNode body = registration(url, allowed);
        body.put("filter", "data.priority == \"CRITICAL\"");
        String endpointId = register(body).getString("endpointId");

        String progress = replay(endpointId, "{\"since\": \"" + since + "\"}", null)
                .then().statusCode(202).body("until", notNullValue()).extract().header("Location");

        await().atMost(PATIENCE).untilAsserted(() -> as(API_KEY_A).get(progress).then().statusCode(200)
                .body("status", equalTo("ENQUEUED")).body("events", equalTo(1)).body("delivered", equalTo(1)));
        assertThat(partners.to(url)).extracting(PartnerReceiver.Request::eventId).containsExactly(wanted);
    }

    @Test
    void theSameIdempotencyKey_answersTheSameReplay_andReplaysNothingMore() throws Exception {
        String url = partners.newUrl();
        String client = uniqueClient();
        Instant since = daysAgo(4);
        String event = publishIssueReported(client, since, "HIGH");
        await().atMost(PATIENCE).until(() -> archive.find(event).isPresent());
        String endpointId = register(registration(url, client)).getString("endpointId");
        String key = "replay-" + UUID.randomUUID();
        String window = "{\"since\": \"" + since + "\", \"until\": \"" + since.plusSeconds(60) + "\"}";

        String replayId = replay(endpointId, window, key).then().statusCode(202).extract().path("replayId");
        await().atMost(PATIENCE).until(() -> partners.to(url).size() == 1);
        replay(endpointId, window, key).then().statusCode(202).header("Idempotent-Replayed", "true")
                .body("replayId", equalTo(replayId)).body("status", equalTo("ENQUEUED")).body("events", equalTo(1));
        replay(endpointId, "{\"since\": \"" + since.minusSeconds(1) + "\"}", key).then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("Idempotency-Key"));

        await().atMost(PATIENCE).untilAsserted(() -> as(API_KEY_A).get("/webhooks/endpoints/" + endpointId
                + "/replays/" + replayId).then().statusCode(200).body("delivered", equalTo(1)));
        assertThat(partners.to(url)).extracting(PartnerReceiver.Request::eventId).containsExactly(event);
    }

    @Test
    void aWindowThatIsEmpty_inTheFuture_beyondTheRetention_orMalformed_is400_namingTheField() {
        String endpointId = register(registration(partners.newUrl(), uniqueClient())).getString("endpointId");
        Instant now = Instant.now();
        Map<String, String> bad = Map.of(
                "{}", "since",
                "{\"since\": \"" + daysAgo(1) + "\", \"until\": \"" + daysAgo(2) + "\"}", "until",
                "{\"since\": \"" + daysAgo(1) + "\", \"until\": \"" + daysAgo(1) + "\"}", "until",
                "{\"since\": \"" + now.plus(Duration.ofHours(1)) + "\"}", "since",
                "{\"since\": \"" + daysAgo(1) + "\", \"until\": \"" + now.plus(Duration.ofHours(1)) + "\"}", "until",
                "{\"since\": \"" + daysAgo(91) + "\"}", "since",
                "{\"since\": \"yesterday\"}", "since",
                "{\"since\": 1767225600}", "since");
        bad.forEach((window, field) -> replay(endpointId, window, null).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field)));
        replay(endpointId, "{\"since\": \"" + daysAgo(91) + "\"}", null).then()
                .body("errors.find { it.field == 'since' }.message", containsString("P90D"));
    }

    @Test
    void anUnknownOrAnotherTenantsEndpoint_is404_andADisabledOne_is409() {
        String window = "{\"since\": \"" + daysAgo(1) + "\"}";
        replay("no-such-endpoint-" + UUID.randomUUID(), window, null).then().statusCode(404)
                .contentType("application/problem+json");
        String client = uniqueClient();
        String url = partners.newGoneUrl();
        String endpointId = register(registration(url, client)).getString("endpointId");
        as(API_KEY_B).body(window).post("/webhooks/endpoints/" + endpointId + "/replays").then().statusCode(404)
                .contentType("application/problem+json");
        publishIssueReported(client, Instant.now(), "HIGH");
        await().atMost(PATIENCE).untilAsserted(() -> as(API_KEY_A).get("/webhooks/endpoints/" + endpointId)
                .then().statusCode(200).body("disabledReason", equalTo("GONE")));

        replay(endpointId, window, null).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("DISABLED"));
        as(API_KEY_A).get("/webhooks/endpoints/" + endpointId + "/replays/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theOpenApi_statesTheWindowsConstraints() {
        JsonPath api = io.restassured.RestAssured.given().when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        assertThat(api.getMap("paths.'/webhooks/endpoints/{endpointId}/replays'.post.responses")).isNotEmpty();
        assertThat(api.getList("components.schemas.ReplayRequest.required", String.class)).containsExactly("since");
        assertThat(api.getString("components.schemas.ReplayRequest.properties.since.description"))
                .contains("Before until").contains("not in the future").contains("retention");
        assertThat(api.getString("components.schemas.ReplayRequest.properties.until.description"))
                .contains("after since");
        assertThat(api.getString("components.schemas.RegisterWebhookEndpointRequest.properties.backfillFrom.description"))
                .contains("retention");
    }

    private static Response replay(String endpointId, String window, String idempotencyKey) {
        var request = as(API_KEY_A).body(window);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.when().post("/webhooks/endpoints/" + endpointId + "/replays");
    }

    private static List<PartnerReceiver.Request> replayed(String url) {
        return partners.to(url).stream().filter(r -> r.header(WebhookSender.REPLAY_ID) != null).toList();
    }

    private static PartnerReceiver.Request liveDelivery(String url, String eventId) {
        return partners.to(url).stream().filter(r -> r.header(WebhookSender.REPLAY_ID) == null
                && eventId.equals(r.eventId())).findFirst().orElseThrow();
    }
}
