package io.trustline.relationship.timeline;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.API_KEY_B;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.trustline.incident.api.ActionPlanIssued;
import io.trustline.incident.api.IncidentEventTypes;
import io.trustline.incident.api.IncidentOpened;
import io.trustline.incident.api.IncidentTopics;
import io.trustline.intake.api.ExpectationSet;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.api.IssueReported;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.golden.GoldenExample;
import io.trustline.testkit.golden.GoldenJson;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class TimelineResourceTest {

    // one generator: UUIDv7 ids are monotonic only within the generator that made them
    private static final TimeBasedEpochGenerator EVENT_IDS = Generators.timeBasedEpochGenerator();

    @Test
    void eventsArrivingOutOfOrderAcrossTopics_andRedelivered_formOneTimelineInOccurrenceOrder() {
        String clientId = uniqueClient();
        String issueId = UUID.randomUUID().toString();
        String reportedId = nextEventId();
        String expectationId = nextEventId();
        String planId = nextEventId();
        GoldenExample<IssueReported> reported = issueScoped(IssueReported.class, clientId, issueId);
        GoldenExample<ExpectationSet> expectation = issueScoped(ExpectationSet.class, clientId, issueId);
        GoldenExample<ActionPlanIssued> plan = issueScoped(ActionPlanIssued.class, clientId, issueId);

        publishActionPlan(planId, clientId, issueId);
        publishExpectation(expectationId, clientId, issueId);
        publishIncidentOpened(clientId, issueId);
        publishReport(reportedId, clientId, issueId);
        publishExpectation(expectationId, clientId, issueId);
        publishActionPlan(planId, clientId, issueId);

        JsonPath timeline = awaitTimeline(clientId, 3);
        assertThat(timeline.getList("entries.eventType"))
                .containsExactly("IssueReported", "ExpectationSet", "ActionPlanIssued");
        assertThat(timeline.getList("entries.eventId")).containsExactly(reportedId, expectationId, planId);
        assertThat(timeline.getList("entries.occurredAt")).containsExactly(reported.text("occurredAt"),
                expectation.text("occurredAt"), plan.text("occurredAt"));
        assertThat(timeline.getList("entries.issueId")).containsOnly(issueId);
    }

    @Test
    void aRedeliveredEvent_appearsOnce() {
        String clientId = uniqueClient();
        String issueId = UUID.randomUUID().toString();
        String reportedId = nextEventId();
        publishReport(reportedId, clientId, issueId);
        publishReport(reportedId, clientId, issueId);
        publishExpectation(nextEventId(), clientId, issueId);

        JsonPath timeline = awaitTimeline(clientId, 2);
        assertThat(timeline.getList("entries.eventId")).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void anotherTenantsClient_andAClientWithoutEvents_are404() {
        String clientId = uniqueClient();
        publishReport(nextEventId(), clientId, UUID.randomUUID().toString());
        awaitTimeline(clientId, 1);

        given().header("Authorization", bearer(API_KEY_B)).when().get("/clients/" + clientId + "/timeline")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", bearer(API_KEY_A)).when().get("/clients/" + uniqueClient() + "/timeline")
                .then().statusCode(404);
    }

    @Test
    void withoutAKey_is401() {
        given().when().get("/clients/anyone/timeline").then().statusCode(401);
    }

    private static JsonPath awaitTimeline(String clientId, int entries) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = given().header("Authorization", bearer(API_KEY_A)).when().get("/clients/" + clientId + "/timeline");
            return response.statusCode() == 200 ? response.jsonPath() : null;
        }, timeline -> timeline != null && timeline.getList("entries").size() >= entries);
    }

    private static void publishReport(String eventId, String clientId, String issueId) {
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, eventId, IntakeEventTypes.ISSUE_REPORTED,
                issueScoped(IssueReported.class, clientId, issueId));
    }

    private static void publishExpectation(String eventId, String clientId, String issueId) {
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, eventId, IntakeEventTypes.EXPECTATION_SET,
                issueScoped(ExpectationSet.class, clientId, issueId));
    }

    private static void publishIncidentOpened(String clientId, String issueId) {
        KafkaTestTopics.publishEvent(IncidentTopics.EVENTS, nextEventId(), IncidentEventTypes.INCIDENT_OPENED,
                issueScoped(IncidentOpened.class, clientId, issueId));
    }

    private static void publishActionPlan(String eventId, String clientId, String issueId) {
        KafkaTestTopics.publishEvent(IncidentTopics.EVENTS, eventId, IncidentEventTypes.ACTION_PLAN_ISSUED,
                issueScoped(ActionPlanIssued.class, clientId, issueId));
    }

    private static <T> GoldenExample<T> issueScoped(Class<T> event, String clientId, String issueId) {
        return GoldenJson.exampleOfIssue(event, TENANT_A, clientId, issueId);
    }

    private static String nextEventId() {
        return EVENT_IDS.generate().toString();
    }
}
