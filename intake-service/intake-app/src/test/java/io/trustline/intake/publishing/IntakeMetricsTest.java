package io.trustline.intake.publishing;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.issue.IssueRequests;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.metrics.PrometheusScrape;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What an operator's Prometheus reads from intake's {@code /q/metrics}: the pipeline's counters and HTTP latency. */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class IntakeMetricsTest {

    private static final String APPENDED = "trustline_events_appended_total";
    private static final String RELAYED = "trustline_events_relayed_total";
    private static final Map<String, String> ISSUE_REPORTED_STORED = Map.of("event_type", "IssueReported");
    private static final Map<String, String> ISSUE_REPORTED_PUBLISHED =
            Map.of("topic", IntakeTopics.EVENTS, "event_type", IntakeEventTypes.ISSUE_REPORTED);

    @Test
    void threeReportedIssues_countSixEventsAppended_andSixRelayed_eachWithItsRelayLag() {
        // earlier tests' events may still be on their way: start once the relay has caught up with what was stored
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            PrometheusScrape now = scrape();
            return now.sum(RELAYED, ISSUE_REPORTED_PUBLISHED) >= now.sum(APPENDED, ISSUE_REPORTED_STORED);
        });
        PrometheusScrape before = scrape();

        for (int i = 0; i < 3; i++) {
            given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                    .body(IssueRequests.payroll(uniqueClient()))
                    .when().post("/issues")
                    .then().statusCode(201);
        }

        // each report stores and publishes IssueReported and ExpectationSet
        Map<String, String> expectationSetPublished =
                Map.of("topic", IntakeTopics.EVENTS, "event_type", IntakeEventTypes.EXPECTATION_SET);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                moved(before, scrape(), RELAYED, expectationSetPublished) >= 3
                        && moved(before, scrape(), RELAYED, ISSUE_REPORTED_PUBLISHED) >= 3);
        PrometheusScrape after = scrape();
        assertThat(moved(before, after, APPENDED, ISSUE_REPORTED_STORED)).isEqualTo(3);
        assertThat(moved(before, after, APPENDED, Map.of("event_type", "ExpectationSet"))).isEqualTo(3);
        assertThat(moved(before, after, RELAYED, ISSUE_REPORTED_PUBLISHED)).isEqualTo(3);
        assertThat(moved(before, after, RELAYED, expectationSetPublished)).isEqualTo(3);
        Map<String, String> topic = Map.of("topic", IntakeTopics.EVENTS);
        assertThat(moved(before, after, "trustline_relay_lag_seconds_count", topic)).isEqualTo(6);
        assertThat(moved(before, after, "trustline_relay_lag_seconds_sum", topic)).isPositive();
        assertThat(after.samples(APPENDED, Map.of())).allSatisfy(sample ->
                assertThat(sample.labels()).containsEntry("service", "intake"));
    }

    @Test
    void httpLatency_isByRouteTemplate_neverByTheIdsInThePath() {
        String issueId = UUID.randomUUID().toString();
        given().header("Authorization", bearer(API_KEY_A)).when().get("/issues/" + issueId).then().statusCode(404);
        given().when().get("/issues/" + issueId).then().statusCode(401);
        String integrationId = UUID.randomUUID().toString();
        given().contentType("application/json").body("{}")
                .when().post("/integrations/" + integrationId + "/events").then().statusCode(greaterThanOrEqualTo(400));

        PrometheusScrape scrape = scrape();
        assertThat(scrape.sum("http_server_requests_seconds_count",
                Map.of("uri", "/issues/{issueId}", "method", "GET", "status", "404"))).isPositive();
        assertThat(scrape.sum("http_server_requests_seconds_bucket",
                Map.of("uri", "/issues/{issueId}", "method", "GET", "le", "+Inf"))).isPositive();
        assertThat(scrape.sum("http_server_requests_seconds_count", Map.of("uri", "UNAUTHORIZED", "status", "401")))
                .isPositive();
        assertThat(scrape.samples("http_server_requests_seconds_count", Map.of()))
                .extracting(sample -> sample.labels().get("uri"))
                .noneMatch(uri -> uri.contains(issueId) || uri.contains(integrationId));
    }

    private static PrometheusScrape scrape() {
        // no API key: Prometheus scrapes inside the network, like the health probes
        return PrometheusScrape.parse(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    private static double moved(PrometheusScrape before, PrometheusScrape after, String name, Map<String, String> labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
