package io.trustline.notification.replays;

import static io.trustline.notification.replays.Partners.PATIENCE;
import static io.trustline.notification.replays.Partners.as;
import static io.trustline.notification.replays.Partners.daysAgo;
import static io.trustline.notification.replays.Partners.register;
import static io.trustline.notification.replays.Partners.registration;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.mongodb.client.MongoClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trustline.notification.archive.ArchivePosition;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Deleting an endpoint while another instance is still enqueueing its backfill and a replay, as MongoDB keeps them:
 * both end CANCELLED rather than waiting for an endpoint that will never be listed again, and that instance can record
 * no further page.
 */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class DeletedEndpointReplaysTest {

    private static final String OTHER_INSTANCE = "another-instance";

    @Inject
    ReplayJobs jobs;
    @Inject
    MongoClient mongo;
    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void deletingAnEndpoint_cancelsItsUnfinishedBackfillAndReplays_evenOnesAnotherInstanceHolds() throws Exception {
        try (PartnerReceiver partners = new PartnerReceiver()) {
            String endpointId = register(registration(partners.newUrl(), uniqueClient())).getString("endpointId");
            String replayId = UUID.randomUUID().toString();
            heldByAnotherInstance(ReplayJob.backfillId(endpointId), endpointId, true);
            heldByAnotherInstance(replayId, endpointId, false);

            as(API_KEY_A).when().delete("/webhooks/endpoints/" + endpointId).then().statusCode(204);

            for (String replay : new String[] {"backfill", replayId}) {
                await().atMost(PATIENCE).untilAsserted(() -> as(API_KEY_A)
                        .get("/webhooks/endpoints/" + endpointId + "/replays/" + replay).then().statusCode(200)
                        .body("status", equalTo("CANCELLED")).body("reason", equalTo("the webhook endpoint was deleted")));
            }
            ReplayJob cancelled = jobs.find(replayId).orElseThrow();
            assertThat(jobs.advance(cancelled, OTHER_INSTANCE, new ArchivePosition(Instant.now(), "an-event"), 3,
                    Instant.now().plus(Duration.ofMinutes(5))))
                    .as("the instance that held it records no further page").isFalse();
            assertThat(jobs.find(replayId).orElseThrow().status()).isEqualTo(ReplayStatus.CANCELLED);
        }
    }

    /** An unfinished backfill or replay whose lease another instance holds for the next hour. */
    private void heldByAnotherInstance(String replayId, String endpointId, boolean backfill) {
        Instant since = daysAgo(3);
        mongo.getDatabase(database).getCollection("webhook_replays").insertOne(new Document("_id", replayId)
                .append("tenantId", TENANT_A)
                .append("endpointId", endpointId)
                .append("backfill", backfill)
                .append("since", Date.from(since))
                .append("until", backfill ? null : Date.from(since.plus(Duration.ofHours(1))))
                .append("requestedUntil", null)
                .append("status", ReplayStatus.ENQUEUEING.name())
                .append("events", 0L)
                .append("requestedAt", Date.from(Instant.now()))
                .append("claimedBy", OTHER_INSTANCE)
                .append("claimedUntil", Date.from(Instant.now().plus(Duration.ofHours(1)))));
    }
}
