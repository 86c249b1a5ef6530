package io.trustline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.trustline.e2e.PlatformClient.TimelineEvent;
import io.trustline.intake.api.ExpectationSet;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.api.IssueReported;
import io.trustline.local.LocalPlatform;
import io.trustline.local.LocalPlatformSettings;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.TestIds;
import io.trustline.testkit.golden.GoldenExample;
import io.trustline.testkit.golden.GoldenJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * MongoDB taken away under a consuming service while events keep arriving on Kafka: the consumer waits
 * the outage out — its readiness says so — dead-letters nothing, and once MongoDB is back applies every
 * event exactly once. Intake's events are published straight to its topic, as intake would, so they keep
 * flowing while MongoDB (which intake needs too) is down.
 */
@ExtendWith(OwnPlatform.class)
class MongoOutageTest {

    private static final String TENANT = "outage";
    private static final String API_KEY = "mongo-outage-test-key";

    @TempDir
    static Path dataDir;
    private static LocalPlatform platform;
    private static PlatformClient client;

    @BeforeAll
    static void startPlatform() {
        LocalPlatformSettings settings = LocalPlatformSettings.forTests(dataDir, TENANT, API_KEY)
                .withServices("relationship")
                // the data must survive the outage, as a real MongoDB's would
                .withInMemoryMongo(false)
                // fail fast instead of the driver's 30 s, so the outage is met (and waited out) many times
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
    void mongoStoppedUnderAConsumerWhileEventsFlow_nothingIsDeadLettered_andEveryEventIsAppliedOnce() {
        String clientId = TestIds.uniqueClient();
        List<String> published = new ArrayList<>(reportIssues(clientId, 3));
        await().atMost(Duration.ofSeconds(60)).until(() -> client.intakeEvents(clientId).size() == published.size());

        platform.stopMongo();
        published.addAll(reportIssues(clientId, 3));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.readiness("relationship").contains("waiting for infrastructure"));
        platform.startMongoAgain();
        published.addAll(reportIssues(clientId, 3));

        List<TimelineEvent> timeline = await().atMost(Duration.ofSeconds(120)).until(() -> client.intakeEvents(clientId),
                events -> events.size() >= published.size());
        assertThat(timeline).extracting(TimelineEvent::id).containsExactlyInAnyOrderElementsOf(published);
        assertThat(client.recordsOn(IntakeTopics.DEAD_LETTERS)).as("records on " + IntakeTopics.DEAD_LETTERS).isZero();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "UP".equals(JsonPath.from(client.readiness("relationship")).getString("status")));
    }

    /** Publishes intake's golden IssueReported and ExpectationSet for each new issue; returns their event ids. */
    private static List<String> reportIssues(String clientId, int issues) {
        List<String> eventIds = new ArrayList<>();
        for (int i = 0; i < issues; i++) {
            String issueId = UUID.randomUUID().toString();
            eventIds.add(publish(IntakeEventTypes.ISSUE_REPORTED,
                    GoldenJson.exampleOfIssue(IssueReported.class, TENANT, clientId, issueId)));
            eventIds.add(publish(IntakeEventTypes.EXPECTATION_SET,
                    GoldenJson.exampleOfIssue(ExpectationSet.class, TENANT, clientId, issueId)));
        }
        return eventIds;
    }

    private static String publish(String type, GoldenExample<?> event) {
        String eventId = UUID.randomUUID().toString();
        KafkaTestTopics.publishEventTo(platform.kafka().bootstrapServers(), IntakeTopics.EVENTS, eventId, type, event);
        return eventId;
    }
}
