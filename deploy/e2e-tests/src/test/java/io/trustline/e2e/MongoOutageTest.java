package io.trustline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.local.LocalPlatform;
import io.trustline.local.LocalPlatformSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MongoDB taken away under a consuming service while events flow: the consumer waits the outage out,
 * says so on its readiness check, dead-letters nothing, and applies every event once when MongoDB is back.
 */
class MongoOutageTest {

    private static final String API_KEY = "mongo-outage-test-key";

    @TempDir
    static Path dataDir;
    private static LocalPlatform platform;
    private static PlatformClient client;

    @BeforeAll
    static void startPlatform() {
        LocalPlatformSettings settings = LocalPlatformSettings.forTests(dataDir, "outage", API_KEY)
                .withServices("intake", "relationship")
                // the data must survive the outage, as a real MongoDB's would
                .withInMemoryMongo(false)
                // fail fast instead of the driver's 30 s, so the outage is seen (and waited out) many times
                .withServiceConfig(Map.of(
                        "quarkus.mongodb.server-selection-timeout", "1S",
                        "trustline.consumer.pause-after-infrastructure-failure", "PT0.2S",
                        "trustline.consumer.max-pause-after-infrastructure-failure", "PT1S"));
        platform = new LocalPlatform(settings);
        platform.start();
        client = new PlatformClient(platform, API_KEY);
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.stop();
        }
    }

    @Test
    void mongoStoppedUnderAConsumerWhileEventsFlow_nothingIsDeadLettered_andEveryEventIsAppliedOnce() throws Exception {
        String clientId = PlatformClient.uniqueClient();
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean reporting = new AtomicBoolean(true);
        CompletableFuture<Void> reporter = CompletableFuture.runAsync(() -> {
            while (reporting.get()) {
                try {
                    accepted.add(client.reportIssue(clientId));
                } catch (Exception | AssertionError mongoDown) {
                    // while MongoDB is away intake refuses reports; only the ones answered 201 count
                }
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> accepted.size() >= 5);

        platform.stopMongo();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> client.readiness("relationship").contains("waiting for infrastructure"));
        platform.startMongoAgain();
        int acceptedAfterOutage = accepted.size();
        await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= acceptedAfterOutage + 5);
        reporting.set(false);
        reporter.get();

        List<String> issueIds = List.copyOf(accepted);
        // a report in flight when MongoDB went away may be stored without its 201 reaching us (at most one)
        JsonPath timeline = await().atMost(Duration.ofSeconds(120)).until(() -> client.timeline(clientId),
                t -> t != null && PlatformClient.everyIssueComplete(t) && t.getList("entries.issueId").containsAll(issueIds));
        assertThat(timeline.getList("entries.eventId")).doesNotHaveDuplicates();
        assertThat(Set.copyOf(timeline.getList("entries.issueId", String.class)))
                .containsAll(issueIds)
                .hasSizeBetween(issueIds.size(), issueIds.size() + 1);
        assertThat(client.recordsOn(IntakeTopics.DEAD_LETTERS)).as("records on " + IntakeTopics.DEAD_LETTERS).isZero();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "UP".equals(JsonPath.from(client.readiness("relationship")).getString("status")));
    }
}
