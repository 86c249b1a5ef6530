package io.trustline.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.trustline.local.LocalPlatform;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The running platform as a PSA, an account manager and an operator reach it: over HTTP with the tenant's key. */
final class PlatformClient {

    private final LocalPlatform platform;
    private final String apiKey;

    PlatformClient(LocalPlatform platform, String apiKey) {
        this.platform = platform;
        this.apiKey = apiKey;
    }

    /** Seed 001's payroll report, due tomorrow; returns the issue id of the 201. */
    String reportIssue(String clientId) {
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

    /** The client's timeline, or null while the relationship service does not answer 200. */
    JsonPath timeline(String clientId) {
        var response = given().spec(json()).baseUri(url("relationship")).when().get("/clients/" + clientId + "/timeline");
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }

    int entries(String clientId) {
        JsonPath timeline = timeline(clientId);
        return timeline == null ? 0 : timeline.getList("entries").size();
    }

    /** Each issue on the timeline has both its events, IssueReported and ExpectationSet. */
    static boolean everyIssueComplete(JsonPath timeline) {
        return timeline.getList("entries.issueId", String.class).stream()
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()))
                .values().stream().allMatch(count -> count == 2);
    }

    String readiness(String service) {
        return given().baseUri(url(service)).when().get("/q/health/ready").asString();
    }

    /** How many records a topic holds, e.g. a dead-letter topic that must stay empty. */
    long recordsOn(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader-" + UUID.randomUUID()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            return consumer.endOffsets(partitions).entrySet().stream()
                    .mapToLong(end -> end.getValue() - beginning.get(end.getKey()))
                    .sum();
        }
    }

    RequestSpecification json() {
        return new RequestSpecBuilder().addHeader("Authorization", "Bearer " + apiKey)
                .setContentType("application/json").build();
    }

    String url(String service) {
        return platform.service(service).baseUrl();
    }
}
