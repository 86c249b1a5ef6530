package io.trustline.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.trustline.local.LocalPlatform;
import io.trustline.local.LocalPlatformSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
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
    private static final String INTAKE_DEAD_LETTERS = "trustline.intake.v1.dlq";

    @TempDir
    static Path dataDir;
    private static LocalPlatform platform;

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
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.stop();
        }
    }

    @Test
    void mongoStoppedUnderAConsumerWhileEventsFlow_nothingIsDeadLettered_andEveryEventIsAppliedOnce() throws Exception {
        String clientId = "client-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean reporting = new AtomicBoolean(true);
        CompletableFuture<Void> reporter = CompletableFuture.runAsync(() -> {
            while (reporting.get()) {
                try {
                    accepted.add(reportIssue(clientId));
                } catch (Exception | AssertionError mongoDown) {
                    // while MongoDB is away intake refuses reports; only the ones answered 201 count
                }
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> accepted.size() >= 5);

        platform.stopMongo();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> readiness("relationship").contains("waiting for infrastructure"));
        platform.startMongoAgain();
        int acceptedAfterOutage = accepted.size();
        await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= acceptedAfterOutage + 5);
        reporting.set(false);
        reporter.get();

        List<String> issueIds = List.copyOf(accepted);
        // a report in flight when MongoDB went away may be stored without its 201 reaching us (at most one)
        JsonPath timeline = await().atMost(Duration.ofSeconds(120)).until(() -> timeline(clientId),
                t -> t != null && everyIssueComplete(t) && t.getList("entries.issueId").containsAll(issueIds));
        assertThat(timeline.getList("entries.eventId")).doesNotHaveDuplicates();
        assertThat(Set.copyOf(timeline.getList("entries.issueId", String.class)))
                .containsAll(issueIds)
                .hasSizeBetween(issueIds.size(), issueIds.size() + 1);
        assertThat(deadLetterCount()).as("records on " + INTAKE_DEAD_LETTERS).isZero();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "UP".equals(JsonPath.from(readiness("relationship")).getString("status")));
    }

    private static boolean everyIssueComplete(JsonPath timeline) {
        return timeline.getList("entries.issueId", String.class).stream()
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()))
                .values().stream().allMatch(count -> count == 2);
    }

    private static long deadLetterCount() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "outage-test-" + UUID.randomUUID()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(INTAKE_DEAD_LETTERS, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(INTAKE_DEAD_LETTERS, info.partition()))
                    .toList();
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            return consumer.endOffsets(partitions).entrySet().stream()
                    .mapToLong(end -> end.getValue() - beginning.get(end.getKey()))
                    .sum();
        }
    }

    private static String reportIssue(String clientId) {
        return given().spec(json()).baseUri(url("intake"))
                .body("""
                        {"clientId": "%s", "summary": "Payroll server unreachable",
                         "reportedBy": {"name": "Dana Office"},
                         "expectation": {
                           "who": {"scope": "EVERYONE"}, "what": {"impact": "STOPPED"},
                           "when": {"resolveBy": "%s", "reason": "payroll is due tomorrow"},
                           "where": {"location": "head office", "workMode": "ON_SITE"},
                           "how": {"resolvedWhen": "payroll runs"}}}
                        """.formatted(clientId, Instant.now().plus(Duration.ofDays(1))))
                .when().post("/issues")
                .then().statusCode(201)
                .extract().path("issueId");
    }

    private static JsonPath timeline(String clientId) {
        var response = given().spec(json()).baseUri(url("relationship")).when().get("/clients/" + clientId + "/timeline");
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }

    private static String readiness(String service) {
        return given().baseUri(url(service)).when().get("/q/health/ready").asString();
    }

    private static String url(String service) {
        return platform.service(service).baseUrl();
    }

    private static RequestSpecification json() {
        return new RequestSpecBuilder().setContentType("application/json")
                .addHeader("Authorization", "Bearer " + API_KEY).build();
    }
}
