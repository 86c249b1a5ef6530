package io.trustline.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.cloudevents.CloudEvent;
import io.trustline.incident.api.IncidentTopics;
import io.trustline.local.LocalPlatform;
import io.trustline.local.ServiceProcess;
import io.trustline.testkit.KafkaTestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The running platform as a PSA, an account manager and an operator reach it: over HTTP with the tenant's key. */
final class PlatformClient {

    private static final Set<String> INTAKE_EVENTS = Set.of("IssueReported", "ExpectationSet");

    private final LocalPlatform platform;
    private final String apiKey;
    private final Map<String, String> urls;

    PlatformClient(LocalPlatform platform, String apiKey) {
        this(platform, apiKey, Map.of());
    }

    private PlatformClient(LocalPlatform platform, String apiKey, Map<String, String> urls) {
        this.platform = platform;
        this.apiKey = apiKey;
        this.urls = Map.copyOf(urls);
    }

    /** The same client reaching one instance of a service (e.g. one started by startAnotherInstance). */
    PlatformClient reaching(ServiceProcess instance, String service) {
        Map<String, String> more = new java.util.HashMap<>(urls);
        more.put(service, instance.baseUrl());
        return new PlatformClient(platform, apiKey, more);
    }

    /** Seed 001's payroll report, due tomorrow; returns the issue id of the 201. */
    String reportIssue(String clientId) {
        return reportIssue(clientId, Instant.now().plus(Duration.ofDays(1)));
    }

    /** Seed 001's payroll report (WHAT STOPPED, WHO EVERYONE), due when the client says; returns the issue id. */
    String reportIssue(String clientId, Instant resolveBy) {
        return given().spec(json()).baseUri(url("intake"))
                .body("""
                        {"clientId": "%s", "summary": "Payroll server unreachable",
                         "reportedBy": {"name": "Dana Office"},
                         "expectation": {
                           "who": {"scope": "EVERYONE"}, "what": {"impact": "STOPPED"},
                           "when": {"resolveBy": "%s", "reason": "payroll is due tomorrow"},
                           "where": {"location": "head office", "workMode": "ON_SITE"},
                           "how": {"resolvedWhen": "payroll runs"}}}
                        """.formatted(clientId, resolveBy))
                .when().post("/issues")
                .then().statusCode(201)
                .extract().path("issueId");
    }

    /**
     * Sets the tenant's response policy for one WHAT impact × WHO scope cell (ISO-8601 durations for
     * {@code acknowledge}, {@code actionPlan}, {@code updateEvery}, {@code resolve}), keeping the other cells.
     */
    void setResponsePolicy(String impact, String scope, Map<String, String> cell) {
        Map<String, Object> policy = given().spec(json()).baseUri(url("incident")).when().get("/policies/response")
                .then().statusCode(200).extract().jsonPath().getMap("");
        policy.remove("version");
        @SuppressWarnings("unchecked")
        Map<String, Object> cells = (Map<String, Object>) policy.get("cells");
        @SuppressWarnings("unchecked")
        Map<String, Object> scopes = (Map<String, Object>) cells.get(impact);
        scopes.put(scope, cell);
        given().spec(json()).baseUri(url("incident")).body(policy).when().put("/policies/response")
                .then().statusCode(200);
    }

    /** The incident once it knows its targets (it opens and learns them from intake's events, moments after the 201). */
    JsonPath incidentWithTargets(String issueId) {
        return incident(issueId, incident -> incident.get("targets") != null);
    }

    /** The incident once its read model satisfies the condition (it catches up with the events moments after them). */
    JsonPath incident(String issueId, Predicate<JsonPath> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = given().spec(json()).baseUri(url("incident")).when().get("/incidents/" + issueId);
            return response.statusCode() == 200 ? response.jsonPath() : null;
        }, incident -> incident != null && condition.test(incident));
    }

    /** POSTs a command to the incident and expects it accepted. */
    void command(String issueId, String command, String body) {
        given().spec(json()).baseUri(url("incident")).body(body)
                .when().post("/incidents/" + issueId + "/" + command)
                .then().statusCode(201);
    }

    /**
     * The incident's events on {@code trustline.incident.v1}, in their order, read from the beginning until they
     * satisfy the condition.
     */
    List<CloudEvent> incidentEvents(String issueId, Predicate<List<CloudEvent>> until, Duration timeout) {
        List<ConsumerRecord<String, CloudEvent>> records = KafkaTestTopics.awaitEventsFrom(
                platform.kafka().bootstrapServers(), IncidentTopics.EVENTS,
                read -> until.test(ofIssue(issueId, read)), timeout);
        return ofIssue(issueId, records);
    }

    /** The issue's events on a topic, in their order, read from the beginning until they satisfy the condition. */
    List<CloudEvent> issueEventsOn(String topic, String issueId, Predicate<List<CloudEvent>> until, Duration timeout) {
        List<ConsumerRecord<String, CloudEvent>> records = KafkaTestTopics.awaitEventsFrom(
                platform.kafka().bootstrapServers(), topic, read -> until.test(ofIssue(issueId, read)), timeout);
        return ofIssue(issueId, records);
    }

    /** Connects an Autotask instance that signs its webhooks with the secret; returns the integration id. */
    String connectAutotask(String webhookSecret) {
        return given().spec(json()).baseUri(url("intake"))
                .body(Map.of("kind", "AUTOTASK", "name", "Autotask production", "webhookSecret", webhookSecret))
                .when().post("/integrations")
                .then().statusCode(201)
                .extract().path("id");
    }

    /** Maps one PSA company onto a client, replacing the integration's other mappings. */
    void mapCompany(String integrationId, String psaCompanyId, String clientId) {
        given().spec(json()).baseUri(url("intake"))
                .body(Map.of("mappings", List.of(Map.of("psaCompanyId", psaCompanyId, "clientId", clientId))))
                .when().put("/integrations/" + integrationId + "/company-mappings")
                .then().statusCode(200);
    }

    private static List<CloudEvent> ofIssue(String issueId, List<ConsumerRecord<String, CloudEvent>> records) {
        return records.stream().map(ConsumerRecord::value)
                .filter(event -> issueId.equals(data(event).getString("issueId")))
                .toList();
    }

    static JsonPath data(CloudEvent event) {
        return JsonPath.from(new String(event.getData().toBytes(), StandardCharsets.UTF_8));
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
            List<TopicPartition> partitions = KafkaTestTopics.partitionsOf(consumer, topic, Instant.now().plusSeconds(60));
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            return consumer.endOffsets(partitions).entrySet().stream()
                    .mapToLong(end -> end.getValue() - beginning.get(end.getKey()))
                    .sum();
        }
    }

    /**
     * How many records of the tenant (their {@code ce_tenantid} header) a topic holds now: on the shared platform the
     * topics hold other tenants' records too.
     */
    long recordsOf(String tenant, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = KafkaTestTopics.partitionsOf(consumer, topic, Instant.now().plusSeconds(60));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long count = 0;
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header tenantId = record.headers().lastHeader("ce_tenantid");
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))
                            && tenantId != null && tenant.equals(new String(tenantId.value(), StandardCharsets.UTF_8))) {
                        count++;
                    }
                }
            }
            return count;
        }
    }

    RequestSpecification json() {
        return new RequestSpecBuilder().addHeader("Authorization", "Bearer " + apiKey)
                .setContentType("application/json").build();
    }

    String url(String service) {
        String url = urls.get(service);
        return url != null ? url : platform.service(service).baseUrl();
    }
}
