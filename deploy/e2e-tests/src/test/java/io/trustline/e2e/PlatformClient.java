package io.trustline.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.trustline.local.LocalPlatform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The running platform as a PSA, an account manager and an operator reach it: over HTTP with the tenant's key. */
final class PlatformClient {

    private static final Set<String> INTAKE_EVENTS = Set.of("IssueReported", "ExpectationSet");

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

    /** An event on a client's scored timeline: what the faults must neither lose nor repeat. */
    record TimelineEvent(String type, String id, String issueId) {
    }

    /** The events on the client's scored timeline in their order (the clock's points left out). */
    List<TimelineEvent> timelineEvents(String clientId) {
        List<TimelineEvent> events = new ArrayList<>();
        for (Map<String, Object> point : timelinePoints(clientId, Map.of())) {
            if ("EVENT".equals(point.get("kind"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> event = (Map<String, Object>) point.get("event");
                events.add(new TimelineEvent((String) event.get("type"), (String) event.get("id"),
                        (String) event.get("issueId")));
            }
        }
        return events;
    }

    /**
     * Every point of the client's scored timeline as the API answers it, from every page, with the given query
     * parameters; empty while the relationship service does not answer 200.
     */
    List<Map<String, Object>> timelinePoints(String clientId, Map<String, String> query) {
        List<Map<String, Object>> points = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification page = given().spec(json()).baseUri(url("relationship")).queryParams(query)
                    .queryParam("limit", 1000);
            if (cursor != null) {
                page.queryParam("cursor", cursor);
            }
            var response = page.when().get("/clients/" + clientId + "/timeline");
            if (response.statusCode() != 200) {
                return List.of();
            }
            JsonPath timeline = response.jsonPath();
            points.addAll(timeline.<Map<String, Object>>getList("points"));
            cursor = timeline.getString("nextCursor");
        } while (cursor != null);
        return points;
    }

    /** The instant the client's stored timeline reaches: its latest event. */
    String timelineAsOf(String clientId) {
        return given().spec(json()).baseUri(url("relationship")).queryParam("limit", 1)
                .when().get("/clients/" + clientId + "/timeline")
                .then().statusCode(200).extract().path("asOf");
    }

    /** The intake events on the client's timeline: IssueReported and ExpectationSet, two per reported issue. */
    List<TimelineEvent> intakeEvents(String clientId) {
        return timelineEvents(clientId).stream().filter(event -> INTAKE_EVENTS.contains(event.type())).toList();
    }

    /** Each issue among the intake events has both of its events, IssueReported and ExpectationSet. */
    static boolean everyIssueComplete(List<TimelineEvent> intakeEvents) {
        return intakeEvents.stream()
                .collect(Collectors.groupingBy(TimelineEvent::issueId, Collectors.counting()))
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
