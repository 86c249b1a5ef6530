package io.trustline.notification.replays;

import static io.trustline.notification.replays.Partners.PATIENCE;
import static io.trustline.notification.replays.Partners.as;
import static io.trustline.notification.replays.Partners.awaitListed;
import static io.trustline.notification.replays.Partners.daysAgo;
import static io.trustline.notification.replays.Partners.publishIssueReported;
import static io.trustline.notification.replays.Partners.registration;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.trustline.notification.archive.EventArchive;
import io.trustline.notification.delivery.WebhookSender;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Backfill on registration over the real app, broker and Mongo stand-in; tests read 3 archived events a page. */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class WebhookBackfillTest {

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
    void anEndpointWithABackfill_getsThePastEventsFirst_inOrder_thenTheLiveOnes_eachOnce() throws Exception {
        String url = partners.newUrl();
        String client = uniqueClient();
        Instant from = daysAgo(5);
        String tooOld = publishIssueReported(client, from.minusSeconds(1), "HIGH");
        List<String> past = List.of(publishIssueReported(client, from, "HIGH"),
                publishIssueReported(client, from.plus(Duration.ofDays(1)), "HIGH"),
                publishIssueReported(client, from.plus(Duration.ofDays(2)), "LOW"),
                publishIssueReported(client, from.plus(Duration.ofDays(3)), "CRITICAL"));
        await().atMost(PATIENCE).until(() -> past.stream().allMatch(id -> archive.find(id).isPresent())
                && archive.find(tooOld).isPresent());
        ObjectNode body = registration(url, client);
        body.put("backfillFrom", from.toString());

        JsonPath registered = as(API_KEY_A).body(body.toString()).when().post("/webhooks/endpoints")
                .then().statusCode(201).body("backfillFrom", equalTo(from.toString())).extract().jsonPath();
        // while the backfill may still be reading: archived and enqueued live too, delivered once, after the past
        String meanwhile = publishIssueReported(client, Instant.now().minusSeconds(1), "HIGH");
        String endpointId = registered.getString("endpointId");
        awaitListed(endpointId);
        String live = publishIssueReported(client, Instant.now(), "HIGH");

        await().atMost(PATIENCE).until(() -> partners.to(url).stream().anyMatch(r -> live.equals(r.eventId())));
        List<String> expected = new java.util.ArrayList<>(past);
        expected.addAll(List.of(meanwhile, live));
        assertThat(partners.to(url)).extracting(PartnerReceiver.Request::eventId).containsExactlyElementsOf(expected);
        for (PartnerReceiver.Request request : partners.to(url)) {
            assertThat(request.header(WebhookSender.REPLAY_ID)).isNull();
            new Webhook(registered.getString("secret")).verify(request.body(), request.headers());
        }
        as(API_KEY_A).get("/webhooks/endpoints/" + endpointId).then().statusCode(200)
                .body("backfillFrom", equalTo(from.toString()));
        as(API_KEY_A).get("/webhooks/endpoints/" + endpointId + "/replays/backfill").then().statusCode(200)
                .body("replayId", equalTo("backfill")).body("status", equalTo("ENQUEUED"))
                .body("since", equalTo(from.toString()));
    }

    @Test
    void aBackfillFromTheFuture_orBeyondTheRetention_is400_namingBackfillFrom() {
        ObjectNode body = registration(partners.newUrl(), uniqueClient());
        body.put("backfillFrom", Instant.now().plus(Duration.ofHours(1)).toString());
        as(API_KEY_A).body(body.toString()).when().post("/webhooks/endpoints").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("backfillFrom"));
        body.put("backfillFrom", daysAgo(91).toString());
        as(API_KEY_A).body(body.toString()).when().post("/webhooks/endpoints").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("backfillFrom"))
                .body("errors.find { it.field == 'backfillFrom' }.message", containsString("P90D"));
        body.put("backfillFrom", "last week");
        as(API_KEY_A).body(body.toString()).when().post("/webhooks/endpoints").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("backfillFrom"));
    }
}
