package io.trustline.e2e;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.cloudevents.CloudEvent;
import io.trustline.incident.api.IncidentEventTypes;
import io.trustline.infra.launcher.TrustlineHome;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.local.LocalPlatform;
import io.trustline.local.LocalPlatformSettings;
import io.trustline.local.ServiceProcess;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.WebhookReceiver;
import io.trustline.testkit.metrics.PrometheusScrape;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Grafana dashboard against the packaged services: once an issue has travelled through all four — relayed,
 * consumed, a deadline fired, a webhook delivered, a record dead-lettered, so that the meters registered on first
 * use exist — every metric name a dashboard query reads is exposed by at least one service's {@code /q/metrics}
 * (scraped without an API key, as Prometheus does), and every Trustline metric a service exposes is on the dashboard.
 */
@ExtendWith(SharedPlatform.class)
class MetricsEndToEndTest {

    private static final String API_KEY = SharedPlatform.apiKey("metrics");
    private static final Duration FOREVER = Duration.ofDays(1);
    private static final Set<String> HISTOGRAM_SUFFIXES = Set.of("_bucket", "_count", "_sum", "_max");

    private static LocalPlatform platform;
    private static PlatformClient client;
    private static WebhookReceiver partner;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = SharedPlatform.platform();
        client = new PlatformClient(platform, API_KEY);
        partner = new WebhookReceiver();
    }

    @AfterAll
    static void stopPlatform() {
        if (partner != null) {
            partner.close();
        }
    }

    @Test
    void everyMetricTheDashboardReads_isExposedByAService_andEveryTrustlineMetricIsCharted() {
        driveEveryKindOfMeter();
        GrafanaDashboard dashboard = GrafanaDashboard.read(TrustlineHome.locate().resolve(GrafanaDashboard.PATH));

        // the last meters count moments after what the test saw (a dead letter is counted once Kafka acknowledged it)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(dashboard.missingFrom(exposedNames()))
                .as("metric names the dashboard reads that no service exposes, each with a query reading it").isEmpty());

        Set<String> charted = families(dashboard.metricNames());
        assertThat(families(exposedNames())).filteredOn(name -> name.startsWith("trustline_"))
                .as("Trustline metrics missing from the dashboard").isSubsetOf(charted);
    }

    private static void driveEveryKindOfMeter() {
        given().spec(client.json()).baseUri(client.url("notification"))
                .body(Map.of("url", partner.url(), "eventTypes", List.of(IntakeEventTypes.ISSUE_REPORTED)))
                .when().post("/webhooks/endpoints")
                .then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().spec(client.json()).baseUri(client.url("notification")).when().get("/webhooks/endpoints")
                        .then().statusCode(200).body("endpoints.url", hasItem(partner.url())));
        // an acknowledgement due a second after the report: its deadline fires within a few polls
        client.setResponsePolicy("STOPPED", "EVERYONE", Map.of("acknowledge", "PT1S", "actionPlan", FOREVER.toString(),
                "updateEvery", FOREVER.toString(), "resolve", FOREVER.toString()));
        String clientId = uniqueClient();
        String issueId = client.reportIssue(clientId);
        // the platform is shared: other classes' dead letters may be there already
        long deadLettersBefore = client.recordsOn(IntakeTopics.DEAD_LETTERS);
        KafkaTestTopics.publishRawTo(platform.kafka().bootstrapServers(), IntakeTopics.EVENTS, "metrics:" + clientId,
                "this is not JSON".getBytes(StandardCharsets.UTF_8), List.of());

        client.incidentEvents(issueId, events -> events.stream().map(CloudEvent::getType)
                .anyMatch(IncidentEventTypes.RESPONSE_TARGET_MISSED::equals), Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(30)).until(() -> !partner.deliveries().isEmpty());
        // incident, relationship and notification each move it to the dead-letter topic
        await().atMost(Duration.ofSeconds(30)).until(() -> client.recordsOn(IntakeTopics.DEAD_LETTERS) >= deadLettersBefore + 3);
    }

    private static Set<String> exposedNames() {
        Map<String, Set<String>> byService = new TreeMap<>();
        // the shared platform runs the console too; the dashboard charts the four services
        for (ServiceProcess service : platform.services()) {
            if (service.name().equals(LocalPlatformSettings.CONSOLE)) {
                continue;
            }
            byService.put(service.name(), PrometheusScrape.of(service.baseUrl()).names());
        }
        assertThat(byService).as("services scraped").containsOnlyKeys(LocalPlatformSettings.SERVICES);
        Set<String> union = new TreeSet<>();
        byService.values().forEach(union::addAll);
        return union;
    }

    /** A histogram's or timer's samples stand for the one metric they belong to. */
    private static Set<String> families(Set<String> names) {
        Set<String> families = new TreeSet<>();
        for (String name : names) {
            String family = name;
            for (String suffix : HISTOGRAM_SUFFIXES) {
                if (name.endsWith(suffix)) {
                    family = name.substring(0, name.length() - suffix.length());
                }
            }
            families.add(family);
        }
        return families;
    }
}
