package io.trustline.incident.incident;

import io.trustline.incident.api.AcceptanceCheckResult;
import io.trustline.incident.api.Channel;
import io.trustline.incident.api.ExpectationDimension;
import io.trustline.incident.api.ResponsePhase;
import io.trustline.incident.incident.IncidentCommand.AcknowledgeIssue;
import io.trustline.incident.incident.IncidentCommand.ConfirmResolution;
import io.trustline.incident.incident.IncidentCommand.IssueActionPlan;
import io.trustline.incident.incident.IncidentCommand.ReopenIssue;
import io.trustline.incident.incident.IncidentCommand.ResolveIssue;
import io.trustline.incident.incident.IncidentCommand.SendProactiveUpdate;
import io.trustline.incident.incident.IncidentCommand.SetResponseTargets;
import io.trustline.incident.incident.IncidentEvent.ExpectationMet;
import io.trustline.incident.incident.IncidentEvent.ExpectationMissed;
import io.trustline.incident.incident.IncidentEvent.IncidentOpened;
import io.trustline.incident.incident.IncidentEvent.IssueResolved;
import io.trustline.incident.incident.IncidentEvent.ProactiveUpdateOverdue;
import io.trustline.incident.incident.IncidentEvent.ResolutionConfirmed;
import io.trustline.incident.incident.IncidentEvent.ResponseTargetMissed;
import io.trustline.incident.incident.IncidentEvent.ResponseTargetsSet;
import io.trustline.incident.incident.IncidentDeadline.ResponseTargetDue;
import io.trustline.incident.incident.IncidentDeadline.UpdateDue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The incident's deadlines, on Axon's stub deadline manager: acknowledge by 08:30, plan by 09:15, resolve by
 * 12:15 for an issue reported at 08:15, and an update cadence each test chooses.
 */
class IncidentDeadlinesTest {

    private static final Instant REPORTED = Instant.parse("2026-03-02T08:15:00Z");
    private static final Instant ACKNOWLEDGE_BY = Instant.parse("2026-03-02T08:30:00Z");
    private static final Instant PLAN_BY = Instant.parse("2026-03-02T09:15:00Z");
    private static final Instant RESOLVE_BY = Instant.parse("2026-03-02T12:15:00Z");
    private static final IncidentOpened OPENED = new IncidentOpened("issue-1", "tenant-a", "acme", "Payroll down", REPORTED);
    private static final Duration RARELY = Duration.ofDays(1);

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
    }

    @Test
    void responseTargets_scheduleEachDeadline_atItsInstant() {
        fixture.givenCurrentTime(REPORTED)
                .andGiven(OPENED)
                .when(targets(Duration.ofMinutes(45), 0))
                .expectScheduledDeadlineWithName(ACKNOWLEDGE_BY, IncidentDeadline.RESPONSE_TARGET)
                .expectScheduledDeadlineWithName(PLAN_BY, IncidentDeadline.RESPONSE_TARGET)
                .expectScheduledDeadlineWithName(REPORTED.plus(Duration.ofMinutes(45)), IncidentDeadline.PROACTIVE_UPDATE)
                .expectScheduledDeadlineWithName(RESOLVE_BY, IncidentDeadline.RESOLVE_BY);
    }

    @Test
    void noAcknowledgementByItsTarget_isAMissedTarget_atTheTarget() {
        withTargets(RARELY)
                .whenTimeAdvancesTo(ACKNOWLEDGE_BY.plusSeconds(7))
                .expectEvents(new ResponseTargetMissed("issue-1", "tenant-a", "acme", ResponsePhase.ACKNOWLEDGE,
                        ACKNOWLEDGE_BY));
    }

    @Test
    void anAcknowledgementInTime_missesNothing() {
        withTargets(RARELY)
                .andGivenCommands(acknowledge(at("08:20")))
                .whenTimeAdvancesTo(ACKNOWLEDGE_BY.plusSeconds(7))
                .expectNoEvents();
    }

    @Test
    void anAcknowledgementRecordedLate_stillMissesTheTarget() {
        withTargets(RARELY)
                .andGivenCommands(acknowledge(at("08:40")))
                .whenTimeAdvancesTo(at("08:41"))
                .expectEvents(new ResponseTargetMissed("issue-1", "tenant-a", "acme", ResponsePhase.ACKNOWLEDGE,
                        ACKNOWLEDGE_BY));
    }

    @Test
    void noPlanByItsTarget_isAMissedTarget_atTheTarget() {
        withTargets(RARELY)
                .andGivenCommands(acknowledge(at("08:20")))
                .whenTimeAdvancesTo(PLAN_BY.plusSeconds(7))
                .expectEvents(new ResponseTargetMissed("issue-1", "tenant-a", "acme", ResponsePhase.PLAN, PLAN_BY));
    }

    @Test
    void newTargets_replaceTheOldDeadlines() {
        Instant laterAcknowledgeBy = at("08:45");
        fixture.givenCurrentTime(REPORTED)
                .andGiven(OPENED)
                .andGivenCommands(targets(RARELY, 1), new SetResponseTargets("issue-1", "tenant-a",
                        Duration.ofMinutes(30), Duration.ofHours(1), RARELY, Duration.ofHours(4), null, 2, REPORTED))
                .whenTimeAdvancesTo(laterAcknowledgeBy.plusSeconds(7))
                .expectEvents(new ResponseTargetMissed("issue-1", "tenant-a", "acme", ResponsePhase.ACKNOWLEDGE,
                        laterAcknowledgeBy));
    }

    @Test
    void aLongSilence_isOneOverdueUpdatePerInterval_eachCountedFromTheLast() {
        withTargets(Duration.ofMinutes(45))
                .andGivenCommands(acknowledge(at("08:20")), plan(at("08:25")))
                .whenTimeAdvancesTo(at("10:00"))
                .expectEvents(overdue(at("08:25"), at("09:10")), overdue(at("09:10"), at("09:55")));
    }

    @Test
    void aProactiveUpdate_startsTheNextInterval() {
        withTargets(Duration.ofMinutes(45))
                .andGivenCommands(acknowledge(at("08:20")), plan(at("08:25")), update(at("09:00")))
                .whenTimeAdvancesTo(at("09:50"))
                .expectEvents(overdue(at("09:00"), at("09:45")));
    }

    @Test
    void contactsScheduleNothing_theIncidentsOneUpdateDeadlineFollowsThem() {
        withTargets(Duration.ofMinutes(45))
                .andGivenCommands(acknowledge(at("08:20")))
                .when(plan(at("08:25")))
                .expectScheduledDeadlineWithName(at("09:00"), IncidentDeadline.PROACTIVE_UPDATE)
                .expectNoScheduledDeadlineWithName(at("09:05"), IncidentDeadline.PROACTIVE_UPDATE)
                .expectNoScheduledDeadlineWithName(at("09:10"), IncidentDeadline.PROACTIVE_UPDATE);
    }

    @Test
    void aReopening_startsOneNewCadence_andTheDeadlineFromBeforeTheResolutionEndsItsRun() {
        withTargets(Duration.ofMinutes(45))
                .andGivenCommands(acknowledge(at("08:20")), plan(at("08:25")), resolve(at("08:30")),
                        new ReopenIssue("issue-1", "tenant-a", "payroll down again", at("08:40"), at("08:40")))
                .whenTimeAdvancesTo(at("10:30"))
                .expectEvents(overdue(at("08:40"), at("09:25")), overdue(at("09:25"), at("10:10")))
                .expectTriggeredDeadlinesMatching(payloads(
                        new ResponseTargetDue(ResponsePhase.ACKNOWLEDGE, ACKNOWLEDGE_BY),
                        new UpdateDue(at("09:00"), 1),
                        new ResponseTargetDue(ResponsePhase.PLAN, PLAN_BY),
                        new UpdateDue(at("09:25"), 2),
                        new UpdateDue(at("10:10"), 2)));
    }

    @Test
    void aResolvedIncident_isOwedNoUpdates_andMissesNoDeadline() {
        withTargets(Duration.ofMinutes(45))
                .andGivenCommands(acknowledge(at("08:20")), plan(at("08:25")), resolve(at("08:50")))
                .whenTimeAdvancesTo(RESOLVE_BY.plusSeconds(3600))
                .expectNoEvents();
    }

    @Test
    void resolveByPassingUnresolved_missesTheExpectationsWhen_atResolveBy() {
        withTargets(RARELY)
                .andGivenCommands(acknowledge(at("08:20")), plan(at("08:25")))
                .whenTimeAdvancesTo(RESOLVE_BY.plusSeconds(7))
                .expectEvents(new ExpectationMissed("issue-1", "tenant-a", "acme", List.of(ExpectationDimension.WHEN),
                        RESOLVE_BY, null, RESOLVE_BY));
    }

    @Test
    void aConfirmation_meetsTheExpectation_whenResolvedInTimeAndHowWasMet() {
        Instant resolvedAt = at("11:00");
        fixture.given(OPENED, targetsSet(), new IssueResolved("issue-1", "tenant-a", "acme", "fixed", resolvedAt, null))
                .when(confirm(true, at("11:30")))
                .expectEvents(confirmed(true, at("11:30")),
                        new ExpectationMet("issue-1", "tenant-a", "acme", RESOLVE_BY, resolvedAt, at("11:30")));
    }

    @Test
    void aConfirmation_namesBothDimensionsMissed_whenLateAndHowFailed() {
        Instant resolvedAt = at("13:00");
        fixture.given(OPENED, targetsSet(), new IssueResolved("issue-1", "tenant-a", "acme", "fixed", resolvedAt, null))
                .when(confirm(false, at("13:30")))
                .expectEvents(confirmed(false, at("13:30")),
                        new ExpectationMissed("issue-1", "tenant-a", "acme",
                                List.of(ExpectationDimension.WHEN, ExpectationDimension.HOW), RESOLVE_BY, resolvedAt,
                                at("13:30")));
    }

    @Test
    void aConfirmation_namesOnlyHow_whenResolvedInTimeButHowFailed() {
        Instant resolvedAt = at("11:00");
        fixture.given(OPENED, targetsSet(), new IssueResolved("issue-1", "tenant-a", "acme", "fixed", resolvedAt, null))
                .when(confirm(false, at("11:30")))
                .expectEvents(confirmed(false, at("11:30")),
                        new ExpectationMissed("issue-1", "tenant-a", "acme", List.of(ExpectationDimension.HOW),
                                RESOLVE_BY, resolvedAt, at("11:30")));
    }

    @Test
    void targetsLearntAfterTheConfirmation_judgeIt_atTheConfirmation() {
        Instant resolvedAt = at("11:00");
        fixture.givenCurrentTime(at("11:45"))
                .andGiven(OPENED, new IssueResolved("issue-1", "tenant-a", "acme", "fixed", resolvedAt, null),
                        confirmed(true, at("11:30")))
                .when(targets(RARELY, 0))
                .expectEvents(targetsSet(),
                        new ExpectationMet("issue-1", "tenant-a", "acme", RESOLVE_BY, resolvedAt, at("11:30")));
    }

    @Test
    void targetsLearntAgainAfterTheConfirmation_judgeItNoMore() {
        fixture.givenCurrentTime(at("11:45"))
                .andGiven(OPENED, targetsSet(), new IssueResolved("issue-1", "tenant-a", "acme", "fixed", at("11:00"), null),
                        confirmed(true, at("11:30")),
                        new ExpectationMet("issue-1", "tenant-a", "acme", RESOLVE_BY, at("11:00"), at("11:30")))
                .when(new SetResponseTargets("issue-1", "tenant-a", Duration.ofMinutes(30), Duration.ofHours(1), RARELY,
                        Duration.ofHours(4), null, 1, at("11:45")))
                .expectEvents(new ResponseTargetsSet("issue-1", "tenant-a", "acme", at("08:45"), PLAN_BY, RARELY,
                        RESOLVE_BY, 1, at("11:45")));
    }

    /** The deadlines' payloads, exactly these in this order. */
    private static Matcher<List<DeadlineMessage<?>>> payloads(Object... expected) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<DeadlineMessage<?>> deadlines) {
                return deadlines.stream().map(DeadlineMessage::getPayload).toList().equals(List.of(expected));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("deadlines with the payloads ").appendValue(List.of(expected));
            }
        };
    }

    private TestExecutor<Incident> withTargets(Duration updateEvery) {
        return fixture.givenCurrentTime(REPORTED).andGiven(OPENED).andGivenCommands(targets(updateEvery, 0));
    }

    private static SetResponseTargets targets(Duration updateEvery, int policyVersion) {
        return new SetResponseTargets("issue-1", "tenant-a", Duration.ofMinutes(15), Duration.ofHours(1), updateEvery,
                Duration.ofHours(4), null, policyVersion, REPORTED);
    }

    private static ResponseTargetsSet targetsSet() {
        return new ResponseTargetsSet("issue-1", "tenant-a", "acme", ACKNOWLEDGE_BY, PLAN_BY, RARELY, RESOLVE_BY, 0,
                REPORTED);
    }

    private static ProactiveUpdateOverdue overdue(Instant since, Instant dueAt) {
        return new ProactiveUpdateOverdue("issue-1", "tenant-a", "acme", since, Duration.ofMinutes(45), dueAt);
    }

    private static AcknowledgeIssue acknowledge(Instant at) {
        return new AcknowledgeIssue("issue-1", "tenant-a", "Sam", null, null, at);
    }

    private static IssueActionPlan plan(Instant at) {
        return new IssueActionPlan("issue-1", "tenant-a", List.of("restart VM"), "Sam", null, null, at);
    }

    private static SendProactiveUpdate update(Instant at) {
        return new SendProactiveUpdate("issue-1", "tenant-a", "VM restarting", Channel.EMAIL, null, at);
    }

    private static ResolveIssue resolve(Instant at) {
        return new ResolveIssue("issue-1", "tenant-a", "VM restarted", null, at);
    }

    private static ConfirmResolution confirm(boolean howCriteriaMet, Instant at) {
        return new ConfirmResolution("issue-1", "tenant-a", howCriteriaMet,
                List.of(new AcceptanceCheckResult("payroll runs", howCriteriaMet)), null, null, at);
    }

    private static ResolutionConfirmed confirmed(boolean howCriteriaMet, Instant at) {
        return new ResolutionConfirmed("issue-1", "tenant-a", "acme", howCriteriaMet,
                List.of(new AcceptanceCheckResult("payroll runs", howCriteriaMet)), null, at);
    }

    private static Instant at(String time) {
        return Instant.parse("2026-03-02T" + time + ":00Z");
    }
}
