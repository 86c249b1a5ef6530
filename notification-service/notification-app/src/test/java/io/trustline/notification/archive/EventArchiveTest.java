package io.trustline.notification.archive;

import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.api.IssueReported;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.golden.GoldenExample;
import io.trustline.testkit.golden.GoldenJson;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The archive over the real app, broker and Mongo stand-in; the test profile purges every half second. */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class EventArchiveTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    EventArchive archive;

    @Test
    void everyEventReceived_isArchivedOnce_asTheCloudEventDeliveriesSend_readInTimeThenIdOrder() throws Exception {
        String client = uniqueClient();
        Instant time = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        GoldenExample<IssueReported> reported = issueReported(client, time);
        String twice = UUID.randomUUID().toString();
        CloudEvent published = KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, twice, IntakeEventTypes.ISSUE_REPORTED,
                reported);
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, twice, IntakeEventTypes.ISSUE_REPORTED, reported);
        // the same time: read after the other by its id
        String sameTime = publish(client, time, "ffffffff-" + UUID.randomUUID().toString().substring(9));
        String earlier = publish(client, time.minusSeconds(5), UUID.randomUUID().toString());

        await().atMost(PATIENCE).until(() -> archive.find(sameTime).isPresent() && archive.find(earlier).isPresent());

        List<ArchivedEvent> read = archive.page(TENANT_A, List.of(IntakeEventTypes.ISSUE_REPORTED), List.of(client),
                time.minusSeconds(60), null, null, 10);
        assertThat(read).extracting(ArchivedEvent::eventId).containsExactly(earlier, twice, sameTime);
        ArchivedEvent archived = read.get(1);
        assertThat(archived.tenantId()).isEqualTo(TENANT_A);
        assertThat(archived.type()).isEqualTo(IntakeEventTypes.ISSUE_REPORTED);
        assertThat(archived.subject()).isEqualTo(client);
        assertThat(archived.time()).isEqualTo(time);
        assertThat(GoldenJson.mapper().readTree(archived.cloudEvent().getData().toBytes()))
                .isEqualTo(GoldenJson.mapper().readTree(published.getData().toBytes()));
        assertThat(archived.body()).isEqualTo(ArchivedEvent.structured(published));
        assertThat(archive.page(TENANT_A, List.of(IntakeEventTypes.ISSUE_REPORTED), List.of(client),
                time.minusSeconds(60), time, archived.position(), 10)).as("after a position, before until").isEmpty();
    }

    @Test
    void eventsOlderThanTheRetention_arePurged_andYoungerOnesKept() {
        String client = uniqueClient();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // passes the retention of 90 days three seconds from now
        ArchivedEvent aging = archived(client, now.minus(Duration.ofDays(90)).plusSeconds(3));
        ArchivedEvent young = archived(client, now.minus(Duration.ofDays(89)));
        archive.record(aging, now);
        archive.record(young, now);
        assertThat(archive.find(aging.eventId())).contains(aging);

        await().atMost(PATIENCE).until(() -> archive.find(aging.eventId()).isEmpty());

        assertThat(archive.find(young.eventId())).contains(young);
    }

    private static ArchivedEvent archived(String client, Instant time) {
        String id = UUID.randomUUID().toString();
        return new ArchivedEvent(TENANT_A, id, IntakeEventTypes.ISSUE_REPORTED, client, time,
                "{\"id\": \"" + id + "\", \"data\": {}}");
    }

    private static GoldenExample<IssueReported> issueReported(String client, Instant time) {
        return GoldenJson.exampleOfIssue(IssueReported.class, TENANT_A, client, UUID.randomUUID().toString())
                .with("occurredAt", time);
    }

    private static String publish(String client, Instant time, String id) {
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, id, IntakeEventTypes.ISSUE_REPORTED, issueReported(client, time));
        return id;
    }
}
