package io.trustline.notification.replays;

import static io.trustline.notification.replays.Partners.PATIENCE;
import static io.trustline.notification.replays.Partners.as;
import static io.trustline.notification.replays.Partners.daysAgo;
import static io.trustline.notification.replays.Partners.publishIssueReported;
import static io.trustline.notification.replays.Partners.register;
import static io.trustline.notification.replays.Partners.registration;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trustline.notification.archive.EventArchive;
import io.trustline.notification.delivery.WebhookSender;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A replay whose instance stopped half-way, as MongoDB keeps it: its lease ran out after its second event's page was
 * recorded. Another instance (here, this one) takes it up there.
 */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class InterruptedReplayTest {

    @Inject
    EventArchive archive;
    @Inject
    ReplayJobs jobs;

    @Test
    void aReplayLeftHalfWay_isTakenUpWhereItsLastRecordedPageEnded_andLosesNothing() throws Exception {
        try (PartnerReceiver partners = new PartnerReceiver()) {
            String url = partners.newUrl();
            String client = uniqueClient();
            Instant since = daysAgo(6);
            List<String> events = List.of(publishIssueReported(client, since, "HIGH"),
                    publishIssueReported(client, since.plusSeconds(1), "HIGH"),
                    publishIssueReported(client, since.plusSeconds(2), "HIGH"),
                    publishIssueReported(client, since.plusSeconds(3), "HIGH"));
            await().atMost(PATIENCE).until(() -> events.stream().allMatch(id -> archive.find(id).isPresent()));
            String endpointId = register(registration(url, client)).getString("endpointId");
            String replayId = UUID.randomUUID().toString();

            jobs.createOrFind(new ReplayJob(replayId, TENANT_A, endpointId, false, since, since.plusSeconds(60), null,
                    ReplayStatus.ENQUEUEING, 2, archive.find(events.get(1)).orElseThrow().position(), Instant.now(), null));

            await().atMost(PATIENCE).untilAsserted(() -> as(API_KEY_A)
                    .get("/webhooks/endpoints/" + endpointId + "/replays/" + replayId).then().statusCode(200)
                    .body("status", equalTo("ENQUEUED")).body("events", equalTo(4)).body("delivered", equalTo(2)));
            assertThat(partners.to(url)).extracting(PartnerReceiver.Request::eventId)
                    .containsExactly(events.get(2), events.get(3));
            assertThat(partners.to(url)).allMatch(r -> replayId.equals(r.header(WebhookSender.REPLAY_ID)));
        }
    }
}
