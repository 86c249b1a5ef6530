package io.trustline.relationship.timeline;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.api.IssueReported;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.metrics.PrometheusScrape;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scored timeline's consumption of intake's events, as relationship's {@code /q/metrics} shows it. */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class RelationshipMetricsTest {

    private static final String CONSUMED = "trustline_events_consumed_total";
    private static final Map<String, String> FROM_INTAKE =
            Map.of("service", "relationship", "subscriber", "scored-timeline", "topic", IntakeTopics.EVENTS);

    @Test
    void twoEventsAndARedelivery_countTwoAppliedAndOneDuplicate_andLeaveNothingToRead() {
        PrometheusScrape before = awaitEveryRecordCounted();
        CatalogIssue issue = new CatalogIssue(uniqueClient());

        String reportId = issue.report();
        issue.expect();
        issue.publish(IntakeTopics.EVENTS, reportId, IntakeEventTypes.ISSUE_REPORTED, IssueReported.class);

        PrometheusScrape after = awaitEveryRecordCounted();
        assertThat(moved(before, after, "applied")).isEqualTo(2);
        assertThat(moved(before, after, "duplicate")).isEqualTo(1);
        assertThat(moved(before, after, "dead_lettered")).isZero();
    }

    /** Every record on intake's topic counted once by the subscriber, and none left to read. */
    private static PrometheusScrape awaitEveryRecordCounted() {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(RelationshipMetricsTest::scrape, scrape ->
                        scrape.sum(CONSUMED, FROM_INTAKE) == KafkaTestTopics.recordCount(IntakeTopics.EVENTS)
                                && scrape.sum("trustline_consumer_lag_records", FROM_INTAKE) == 0);
    }

    private static double moved(PrometheusScrape before, PrometheusScrape after, String outcome) {
        Map<String, String> labels = Map.of("subscriber", "scored-timeline", "topic", IntakeTopics.EVENTS,
                "outcome", outcome);
        return after.sum(CONSUMED, labels) - before.sum(CONSUMED, labels);
    }

    private static PrometheusScrape scrape() {
        return PrometheusScrape.parse(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }
}
