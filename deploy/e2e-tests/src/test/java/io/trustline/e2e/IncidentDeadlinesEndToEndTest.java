package io.trustline.e2e;

import static io.trustline.incident.api.IncidentEventTypes.ACTION_PLAN_ISSUED;
import static io.trustline.incident.api.IncidentEventTypes.EXPECTATION_MET;
import static io.trustline.incident.api.IncidentEventTypes.EXPECTATION_MISSED;
import static io.trustline.incident.api.IncidentEventTypes.INCIDENT_OPENED;
import static io.trustline.incident.api.IncidentEventTypes.ISSUE_ACKNOWLEDGED;
import static io.trustline.incident.api.IncidentEventTypes.ISSUE_RESOLVED;
import static io.trustline.incident.api.IncidentEventTypes.PROACTIVE_UPDATE_OVERDUE;
import static io.trustline.incident.api.IncidentEventTypes.PROACTIVE_UPDATE_SENT;
import static io.trustline.incident.api.IncidentEventTypes.RESOLUTION_CONFIRMED;
import static io.trustline.incident.api.IncidentEventTypes.RESPONSE_TARGETS_SET;
import static io.trustline.incident.api.IncidentEventTypes.RESPONSE_TARGET_MISSED;
import static io.trustline.testkit.TestIds.uniqueClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.restassured.path.json.JsonPath;
import io.trustline.local.LocalPlatform;
import io.trustline.local.ServiceProcess;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The incident's deadlines on the packaged services: a PSA reports over intake's REST API, the service desk works
 * the incident over incident's, and the deadlines — persisted by JobRunr in the Mongo stand-in, polled every 5 s —
 * publish on {@code trustline.incident.v1}, each carrying its due instant. Every test sets the tenant's policy for
 * the reported issue (WHAT STOPPED × WHO EVERYONE) to targets of seconds.
 */
@ExtendWith(SharedPlatform.class)
class IncidentDeadlinesEndToEndTest {

    private static final String API_KEY = SharedPlatform.apiKey("deadlines");
    private static final Duration FOREVER = Duration.ofDays(1);

    private static LocalPlatform platform;
    private static PlatformClient client;

    @BeforeAll
    static void startPlatform() {
        platform = SharedPlatform.platform();
        client = new PlatformClient(platform, API_KEY);
    }

    @Test
    void anIssueWorkedToTheClientsSatisfaction_isOverdueOnlyWhileLeftSilent_andEndsWithItsExpectationMet() {
        Duration updateEvery = Duration.ofSeconds(6);
        setPolicy(FOREVER, FOREVER, updateEvery, FOREVER);
        String issueId = client.reportIssue(uniqueClient());
        client.incidentWithTargets(issueId);
        client.command(issueId, "acknowledgement", "{\"by\": \"Sam Tech\", \"note\": \"on it\"}");
        client.command(issueId, "action-plan",
                "{\"steps\": [\"restart the payroll VM\", \"verify the bank export\"], \"owner\": \"Sam Tech\"}");

        List<CloudEvent> silence = client.incidentEvents(issueId, hasType(PROACTIVE_UPDATE_OVERDUE), Duration.ofSeconds(60));
        CloudEvent plan = first(silence, ACTION_PLAN_ISSUED);
        CloudEvent overdue = first(silence, PROACTIVE_UPDATE_OVERDUE);
        assertThat(timeOf(overdue)).as("due one interval after the plan, the last contact")
                .isEqualTo(timeOf(plan).plus(updateEvery));

        client.command(issueId, "updates", "{\"message\": \"the VM is back, checking the export\", \"channel\": \"EMAIL\"}");
        client.command(issueId, "resolution", "{\"summary\": \"payroll VM restarted, bank export verified\"}");
        client.command(issueId, "confirmation",
                "{\"howCriteriaMet\": true, \"checks\": [{\"check\": \"payroll runs\", \"passed\": true}]}");

        List<CloudEvent> events = client.incidentEvents(issueId, hasType(EXPECTATION_MET), Duration.ofSeconds(30));
        assertThat(types(events)).containsSubsequence(INCIDENT_OPENED, RESPONSE_TARGETS_SET, ISSUE_ACKNOWLEDGED,
                        ACTION_PLAN_ISSUED, PROACTIVE_UPDATE_OVERDUE, PROACTIVE_UPDATE_SENT, ISSUE_RESOLVED,
                        RESOLUTION_CONFIRMED, EXPECTATION_MET)
                .doesNotContain(EXPECTATION_MISSED, RESPONSE_TARGET_MISSED);
        assertThat(types(events.subList(types(events).indexOf(PROACTIVE_UPDATE_SENT), events.size())))
                .as("no update is overdue once the incident is resolved").doesNotContain(PROACTIVE_UPDATE_OVERDUE);
        JsonPath targets = client.incident(issueId, incident -> "CONFIRMED".equals(incident.getString("state"))
                && incident.get("nextDeadline") == null).setRootPath("targets");
        assertThat(List.of(targets.getString("acknowledge.status"), targets.getString("plan.status"),
                targets.getString("resolve.status"), targets.getString("updates.status")))
                .containsExactly("MET", "MET", "MET", "NOT_DUE");
        assertThat(targets.getInt("updates.overdueCount")).isPositive();
    }

    @Test
    void anIssueLeftAlone_missesTheClientsDeadline_atThatDeadline() {
        setPolicy(FOREVER, FOREVER, FOREVER, FOREVER);
        Instant resolveBy = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.MILLIS);
        String issueId = client.reportIssue(uniqueClient(), resolveBy);

        List<CloudEvent> events = client.incidentEvents(issueId, hasType(EXPECTATION_MISSED), Duration.ofSeconds(60));
        CloudEvent missed = first(events, EXPECTATION_MISSED);
        assertThat(PlatformClient.data(missed).getList("dimensions", String.class)).containsExactly("WHEN");
        assertThat(timeOf(missed)).isEqualTo(resolveBy);
        assertThat(Instant.parse(PlatformClient.data(missed).getString("resolveBy"))).isEqualTo(resolveBy);
        JsonPath resolve = client.incident(issueId, incident -> incident.get("targets.resolve.missedAt") != null)
                .setRootPath("targets.resolve");
        assertThat(resolve.getString("status")).isEqualTo("MISSED");
        assertThat(Instant.parse(resolve.getString("missedAt"))).isEqualTo(resolveBy);
    }

    @Test
    void deadlinesFallingDueWhileTheServiceIsKilled_fireOnceAfterItStartsAgain_withTheirDueTimes() {
        // the next update is due well after both targets, so its overdue marks the end of their firing
        setPolicy(Duration.ofSeconds(6), Duration.ofSeconds(10), Duration.ofSeconds(45), FOREVER);
        String issueId = client.reportIssue(uniqueClient());
        JsonPath targets = client.incidentWithTargets(issueId).setRootPath("targets");
        Instant acknowledgeBy = Instant.parse(targets.getString("acknowledgeBy"));
        Instant planBy = Instant.parse(targets.getString("planBy"));

        ServiceProcess incident = platform.service("incident");
        incident.kill();
        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(planBy));
        incident.restart();

        // a kill while a deadline is being fired leaves its job claimed by the dead instance: JobRunr gives it to the
        // new one only after the dead one's heartbeat times out, which can be after the update's overdue; so wait
        // for both targets, not for the overdue alone
        List<CloudEvent> events = client.incidentEvents(issueId, read -> hasType(PROACTIVE_UPDATE_OVERDUE).test(read)
                && ofType(read, RESPONSE_TARGET_MISSED).size() >= 2, Duration.ofSeconds(180));
        // both fell due while it was down (or while it was being killed), in either order
        assertThat(ofType(events, RESPONSE_TARGET_MISSED))
                .extracting(event -> PlatformClient.data(event).getString("phase"), IncidentDeadlinesEndToEndTest::timeOf)
                .containsExactlyInAnyOrder(tuple("ACKNOWLEDGE", acknowledgeBy), tuple("PLAN", planBy));
    }

    @Test
    void withTwoInstancesOfTheService_everyDeadlineFiresExactlyOnce() {
        // the plan target falls due after the acknowledgement's: once every plan has fired, so has every acknowledgement
        setPolicy(Duration.ofSeconds(8), Duration.ofSeconds(16), FOREVER, FOREVER);
        ServiceProcess second = platform.startAnotherInstance("incident");
        try {
            String clientId = uniqueClient();
            List<String> issueIds = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                issueIds.add(client.reportIssue(clientId));
            }

            for (String issueId : issueIds) {
                List<CloudEvent> missed = ofType(client.incidentEvents(issueId,
                        events -> phases(ofType(events, RESPONSE_TARGET_MISSED)).contains("PLAN"),
                        Duration.ofSeconds(90)), RESPONSE_TARGET_MISSED);
                assertThat(phases(missed)).as("deadlines of " + issueId).containsExactly("ACKNOWLEDGE", "PLAN");
            }
        } finally {
            second.stop();
        }
    }

    private static void setPolicy(Duration acknowledge, Duration actionPlan, Duration updateEvery, Duration resolve) {
        client.setResponsePolicy("STOPPED", "EVERYONE", Map.of("acknowledge", acknowledge.toString(),
                "actionPlan", actionPlan.toString(), "updateEvery", updateEvery.toString(), "resolve", resolve.toString()));
    }

    private static Predicate<List<CloudEvent>> hasType(String type) {
        return events -> types(events).contains(type);
    }

    private static List<String> types(List<CloudEvent> events) {
        return events.stream().map(CloudEvent::getType).toList();
    }

    private static List<CloudEvent> ofType(List<CloudEvent> events, String type) {
        return events.stream().filter(event -> type.equals(event.getType())).toList();
    }

    private static List<String> phases(List<CloudEvent> missedTargets) {
        return missedTargets.stream().map(event -> PlatformClient.data(event).getString("phase")).toList();
    }

    private static CloudEvent first(List<CloudEvent> events, String type) {
        return ofType(events, type).get(0);
    }

    private static Instant timeOf(CloudEvent event) {
        return Instant.parse(PlatformClient.data(event).getString("occurredAt"));
    }
}
