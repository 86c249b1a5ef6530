package io.trustline.incident.intake;

import static io.restassured.RestAssured.given;
import static io.trustline.incident.intake.IntakeEvents.expectationSet;
import static io.trustline.incident.intake.IntakeEvents.issueReported;
import static io.trustline.incident.intake.IntakeEvents.publishIssueReported;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trustline.incident.api.IncidentEventTypes;
import io.trustline.incident.api.IncidentTopics;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.metrics.PrometheusScrape;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The consuming side and the deadlines on incident's {@code /q/metrics}. */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class IncidentMetricsTest {

    private static final String SUBSCRIBER = "intake-events";
    private static final String CONSUMED = "trustline_events_consumed_total";
    private static final String DEAD_LETTERED = "trustline_events_dead_lettered_total";
    private static final Map<String, String> FROM_INTAKE = Map.of("subscriber", SUBSCRIBER, "topic", IntakeTopics.EVENTS);

    @Test
    void everyRecordFromIntake_countsOnceByOutcome_andEveryDeadLetterOnce() {
        PrometheusScrape before = awaitEveryRecordCounted();

        String clientId = uniqueClient();
        String twice = UUID.randomUUID().toString();
        publishIssueReported(twice, clientId, UUID.randomUUID().toString());
        publishIssueReported(twice, clientId, UUID.randomUUID().toString());
        publishIssueReported(clientId, UUID.randomUUID().toString());
        publishIssueReported(clientId, UUID.randomUUID().toString());
        KafkaTestTopics.publishRaw(IntakeTopics.EVENTS, TENANT_A + ":" + clientId,
                "this is not JSON".getBytes(StandardCharsets.UTF_8), List.of());
        // intake's event without the issue id: the handler fails on every attempt
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, UUID.randomUUID().toString(), IntakeEventTypes.ISSUE_REPORTED,
                issueReported(clientId, "never-read").without("issueId"));

        PrometheusScrape after = awaitEveryRecordCounted();
        assertThat(moved(before, after, CONSUMED, outcome("applied"))).isEqualTo(3);
        assertThat(moved(before, after, CONSUMED, outcome("duplicate"))).isEqualTo(1);
        assertThat(moved(before, after, CONSUMED, outcome("dead_lettered"))).isEqualTo(2);
        assertThat(moved(before, after, DEAD_LETTERED, FROM_INTAKE)).isEqualTo(2);
        assertThat(after.sum("trustline_consumer_lag_records", FROM_INTAKE)).isZero();
    }

    @Test
    void aMissedResolveBy_recordsHowLongAfterItsInstantTheDeadlineFired() {
        Map<String, String> resolveBy = Map.of("deadline", "resolve-by");
        PrometheusScrape before = scrape();
        String clientId = uniqueClient();
        String issueId = UUID.randomUUID().toString();
        Instant dueAt = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);

        publishIssueReported(clientId, issueId);
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, UUID.randomUUID().toString(), IntakeEventTypes.EXPECTATION_SET,
                expectationSet(clientId, issueId).with("expectation.when.resolveBy", dueAt.toString()));
        KafkaTestTopics.awaitEvents(IncidentTopics.EVENTS, records -> records.stream().anyMatch(r ->
                        IncidentEventTypes.EXPECTATION_MISSED.equals(r.value().getType())
                                && new String(r.value().getData().toBytes(), StandardCharsets.UTF_8).contains(issueId)),
                Duration.ofSeconds(60));

        PrometheusScrape after = scrape();
        double fired = moved(before, after, "trustline_deadline_firing_lag_seconds_count", resolveBy);
        assertThat(fired).isPositive();
        // the test profile polls every 5 s and the manager waits one poll past the instant: fired within three
        Map<String, String> withinFifteenSeconds = Map.of("deadline", "resolve-by", "le", "15.0");
        assertThat(moved(before, after, "trustline_deadline_firing_lag_seconds_bucket", withinFifteenSeconds))
                .isEqualTo(fired);
        assertThat(moved(before, after, "trustline_deadline_firing_lag_seconds_sum", resolveBy)).isPositive();
    }

    /**
     * Waits until every record on intake's topic has been counted once by the subscriber and every dead letter once,
     * nothing is left to read, and returns that scrape.
     */
    private static PrometheusScrape awaitEveryRecordCounted() {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(IncidentMetricsTest::scrape,
                scrape -> scrape.sum(CONSUMED, FROM_INTAKE) == KafkaTestTopics.recordCount(IntakeTopics.EVENTS)
                        && scrape.sum(DEAD_LETTERED, FROM_INTAKE) == KafkaTestTopics.recordCount(IntakeTopics.DEAD_LETTERS)
                        && scrape.sum("trustline_consumer_lag_records", FROM_INTAKE) == 0);
    }

    private static Map<String, String> outcome(String outcome) {
        return Map.of("subscriber", SUBSCRIBER, "topic", IntakeTopics.EVENTS, "outcome", outcome);
    }

    private static PrometheusScrape scrape() {
        return PrometheusScrape.parse(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    private static double moved(PrometheusScrape before, PrometheusScrape after, String name, Map<String, String> labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
