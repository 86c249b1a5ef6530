package io.trustline.incident.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustline.incident.api.Discovery;
import io.trustline.incident.api.ExpectationDimension;
import io.trustline.incident.api.ResponsePhase;
import io.trustline.incident.incident.IncidentDetails.DeadlineKind;
import io.trustline.incident.incident.IncidentDetails.NextDeadline;
import io.trustline.incident.incident.IncidentDetails.Target;
import io.trustline.incident.incident.IncidentDetails.TargetStatus;
import io.trustline.incident.incident.IncidentDetails.Targets;
import io.trustline.incident.incident.IncidentDetails.UpdateCadence;
import io.trustline.incident.incident.IncidentDetails.UpdateStatus;
import io.trustline.incident.incident.IncidentEvent.ActionPlanIssued;
import io.trustline.incident.incident.IncidentEvent.ExpectationMissed;
import io.trustline.incident.incident.IncidentEvent.IncidentOpened;
import io.trustline.incident.incident.IncidentEvent.IssueAcknowledged;
import io.trustline.incident.incident.IncidentEvent.IssueReopened;
import io.trustline.incident.incident.IncidentEvent.IssueResolved;
import io.trustline.incident.incident.IncidentEvent.ProactiveUpdateOverdue;
import io.trustline.incident.incident.IncidentEvent.ProactiveUpdateSent;
import io.trustline.incident.incident.IncidentEvent.ResolutionConfirmed;
import io.trustline.incident.incident.IncidentEvent.ResponseTargetMissed;
import io.trustline.incident.incident.IncidentEvent.ResponseTargetsSet;
import io.trustline.incident.incident.IncidentEvent.ServiceDisruptionAdmitted;
import io.trustline.incident.api.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the targets stand after an event history: reported at 08:15, acknowledge by 08:30, plan by 09:15, an update
 * every 45 minutes, resolve by 12:15 (as in {@link IncidentDeadlinesTest}).
 */
class TargetStatusesTest {

    private static final Instant REPORTED = at("08:15");
    private static final Instant ACKNOWLEDGE_BY = at("08:30");
    private static final Instant PLAN_BY = at("09:15");
    private static final Instant RESOLVE_BY = at("12:15");
    private static final Duration EVERY = Duration.ofMinutes(45);

    @Test
    void freshTargets_areAllPending_andTheAcknowledgementIsNext() {
        Targets targets = targetsAfter(opened(), targetsSet());

        assertThat(targets.acknowledge()).isEqualTo(pending(ACKNOWLEDGE_BY));
        assertThat(targets.plan()).isEqualTo(pending(PLAN_BY));
        assertThat(targets.resolve()).isEqualTo(pending(RESOLVE_BY));
        assertThat(targets.updates()).isEqualTo(new UpdateCadence("PT45M", UpdateStatus.PENDING, at("09:00"), 0, null));
        assertThat(TargetStatuses.next(targets)).contains(new NextDeadline(DeadlineKind.ACKNOWLEDGE, ACKNOWLEDGE_BY));
    }

    @Test
    void anAcknowledgementInTime_meetsItsTarget_andTheNextUpdateIsCountedFromIt() {
        Targets targets = targetsAfter(opened(), targetsSet(), acknowledged(at("08:20")));

        assertThat(targets.acknowledge()).isEqualTo(new Target(ACKNOWLEDGE_BY, TargetStatus.MET, at("08:20"), null));
        assertThat(targets.updates().nextDueAt()).isEqualTo(at("09:05"));
        assertThat(TargetStatuses.next(targets)).contains(new NextDeadline(DeadlineKind.UPDATE, at("09:05")));
    }

    @Test
    void aMissRecordedByTheDeadline_isMissedAtTheTarget_andStaysMissedWhenTheActComesLate() {
        Targets missed = targetsAfter(opened(), targetsSet(), targetMissed(ResponsePhase.ACKNOWLEDGE, ACKNOWLEDGE_BY));
        Targets late = targetsAfter(opened(), targetsSet(), targetMissed(ResponsePhase.ACKNOWLEDGE, ACKNOWLEDGE_BY),
                acknowledged(at("08:40")));

        assertThat(missed.acknowledge()).isEqualTo(new Target(ACKNOWLEDGE_BY, TargetStatus.MISSED, null, ACKNOWLEDGE_BY));
        assertThat(late.acknowledge())
                .isEqualTo(new Target(ACKNOWLEDGE_BY, TargetStatus.MISSED, at("08:40"), ACKNOWLEDGE_BY));
        assertThat(TargetStatuses.next(late)).contains(new NextDeadline(DeadlineKind.PLAN, PLAN_BY));
    }

    @Test
    void targetsLearntAfterTheActs_judgeThemAllTheSame_whateverTheOrder() {
        List<IncidentEvent> acts = List.of(acknowledged(at("08:40")), planIssued(at("09:00")));
        Targets learntFirst = targetsAfter(opened(), targetsSet(), acts.get(0), acts.get(1));
        Targets learntLast = targetsAfter(opened(), acts.get(0), acts.get(1), targetsSet());

        assertThat(learntLast).isEqualTo(learntFirst);
        assertThat(learntLast.acknowledge())
                .isEqualTo(new Target(ACKNOWLEDGE_BY, TargetStatus.MISSED, at("08:40"), ACKNOWLEDGE_BY));
        assertThat(learntLast.plan()).isEqualTo(new Target(PLAN_BY, TargetStatus.MET, at("09:00"), null));
    }

    @Test
    void onlyTheFirstPlan_answersThePlanTarget() {
        Targets targets = targetsAfter(opened(), targetsSet(), planIssued(at("09:00")), planIssued(at("10:00")));

        assertThat(targets.plan()).isEqualTo(new Target(PLAN_BY, TargetStatus.MET, at("09:00"), null));
    }

    @Test
    void aResolutionBeforeTheTargets_meetsAcknowledgementPlanAndResolve() {
        Targets targets = targetsAfter(opened(), targetsSet(), resolved(at("08:25")));

        assertThat(targets.acknowledge()).isEqualTo(new Target(ACKNOWLEDGE_BY, TargetStatus.MET, at("08:25"), null));
        assertThat(targets.plan()).isEqualTo(new Target(PLAN_BY, TargetStatus.MET, at("08:25"), null));
        assertThat(targets.resolve()).isEqualTo(new Target(RESOLVE_BY, TargetStatus.MET, at("08:25"), null));
        assertThat(targets.updates()).isEqualTo(new UpdateCadence("PT45M", UpdateStatus.NOT_DUE, null, 0, null));
        assertThat(TargetStatuses.next(targets)).isEmpty();
    }

    @Test
    void resolveByPassingUnresolved_isMissedAtResolveBy_andALateResolutionIsItsMetAt() {
        ExpectationMissed whenMissed = new ExpectationMissed("issue-1", "tenant-a", "acme",
                List.of(ExpectationDimension.WHEN), RESOLVE_BY, null, RESOLVE_BY);
        Targets missed = targetsAfter(opened(), targetsSet(), whenMissed);
        Targets resolvedLate = targetsAfter(opened(), targetsSet(), whenMissed, resolved(at("13:00")));

        assertThat(missed.resolve()).isEqualTo(new Target(RESOLVE_BY, TargetStatus.MISSED, null, RESOLVE_BY));
        assertThat(resolvedLate.resolve()).isEqualTo(new Target(RESOLVE_BY, TargetStatus.MISSED, at("13:00"), RESOLVE_BY));
    }

    @Test
    void aResolutionAfterResolveBy_isMissed_evenBeforeAnyDeadlineRecordsIt() {
        Targets targets = targetsAfter(opened(), acknowledged(at("08:20")), planIssued(at("09:00")),
                resolved(at("13:00")), targetsSet());

        assertThat(targets.resolve()).isEqualTo(new Target(RESOLVE_BY, TargetStatus.MISSED, at("13:00"), RESOLVE_BY));
    }

    @Test
    void aReopeningBeforeResolveBy_makesResolvePendingAgain() {
        Targets targets = targetsAfter(opened(), targetsSet(), acknowledged(at("08:20")), planIssued(at("09:00")),
                resolved(at("10:00")), confirmed(at("10:30")), reopened(at("11:00")));

        assertThat(targets.resolve()).isEqualTo(pending(RESOLVE_BY));
        assertThat(targets.updates()).isEqualTo(new UpdateCadence("PT45M", UpdateStatus.PENDING, at("11:45"), 0, null));
        assertThat(TargetStatuses.next(targets)).contains(new NextDeadline(DeadlineKind.UPDATE, at("11:45")));
    }

    @Test
    void aReopeningAfterResolveBy_missesResolveAtResolveBy_theResolutionDidNotHold() {
        Targets targets = targetsAfter(opened(), targetsSet(), resolved(at("10:00")), reopened(at("13:00")));

        assertThat(targets.resolve()).isEqualTo(new Target(RESOLVE_BY, TargetStatus.MISSED, null, RESOLVE_BY));
    }

    @Test
    void anOverdueInterval_isCounted_andTheNextIsDueFromIt_untilAContact() {
        Targets overdue = targetsAfter(opened(), targetsSet(), overdue(REPORTED, at("09:00")),
                overdue(at("09:00"), at("09:45")));
        Targets contacted = targetsAfter(opened(), targetsSet(), overdue(REPORTED, at("09:00")),
                overdue(at("09:00"), at("09:45")), updateSent(at("10:00")));

        assertThat(overdue.updates()).isEqualTo(new UpdateCadence("PT45M", UpdateStatus.OVERDUE, at("10:30"), 2, at("09:45")));
        assertThat(contacted.updates()).isEqualTo(new UpdateCadence("PT45M", UpdateStatus.PENDING, at("10:45"), 2, at("09:45")));
    }

    @Test
    void aDisruptionTheClientFoundFirst_isNoContact() {
        Targets found = targetsAfter(opened(), targetsSet(), disruption(Discovery.DISCOVERED_BY_CLIENT, at("08:50")));
        Targets disclosed = targetsAfter(opened(), targetsSet(), disruption(Discovery.DISCLOSED_BY_PROVIDER, at("08:50")));

        assertThat(found.updates().nextDueAt()).isEqualTo(at("09:00"));
        assertThat(disclosed.updates().nextDueAt()).isEqualTo(at("09:35"));
    }

    @Test
    void noTargets_noStatuses() {
        ResponseFacts facts = fold(List.of(opened(), acknowledged(at("08:20"))));

        assertThat(TargetStatuses.of(facts)).isEmpty();
    }

    @Test
    void applyingEachEventTwice_orReplayingAllOverTheStoredFacts_givesTheSameFacts() {
        List<IncidentEvent> history = List.of(opened(), acknowledged(at("08:40")), targetsSet(),
                targetMissed(ResponsePhase.ACKNOWLEDGE, ACKNOWLEDGE_BY), overdue(REPORTED, at("09:25")),
                planIssued(at("09:30")), overdue(at("09:30"), at("10:15")), resolved(at("11:00")),
                reopened(at("11:30")), overdue(at("11:30"), at("12:15")), resolved(at("12:30")));
        ResponseFacts once = fold(history);
        List<IncidentEvent> twice = new ArrayList<>();
        history.forEach(event -> {
            twice.add(event);
            twice.add(event);
        });

        assertThat(fold(twice)).isEqualTo(once);
        ResponseFacts replayed = once;
        for (IncidentEvent event : history) {
            replayed = replayed.with(event);
        }
        assertThat(replayed).isEqualTo(once);
        assertThat(once.overdueCount()).isEqualTo(3);
    }

    private static Targets targetsAfter(IncidentEvent... events) {
        return TargetStatuses.of(fold(List.of(events))).orElseThrow();
    }

    private static ResponseFacts fold(List<IncidentEvent> events) {
        ResponseFacts facts = ResponseFacts.NONE;
        for (IncidentEvent event : events) {
            facts = facts.with(event);
        }
        return facts;
    }

    private static Target pending(Instant dueAt) {
        return new Target(dueAt, TargetStatus.PENDING, null, null);
    }

    private static IncidentOpened opened() {
        return new IncidentOpened("issue-1", "tenant-a", "acme", "Payroll down", REPORTED);
    }

    private static ResponseTargetsSet targetsSet() {
        return new ResponseTargetsSet("issue-1", "tenant-a", "acme", ACKNOWLEDGE_BY, PLAN_BY, EVERY, RESOLVE_BY, 0,
                REPORTED);
    }

    private static IssueAcknowledged acknowledged(Instant at) {
        return new IssueAcknowledged("issue-1", "tenant-a", "acme", "Sam", null, at, null);
    }

    private static ActionPlanIssued planIssued(Instant at) {
        return new ActionPlanIssued("issue-1", "tenant-a", "acme", List.of("restart VM"), "Sam", null, at, null);
    }

    private static ProactiveUpdateSent updateSent(Instant at) {
        return new ProactiveUpdateSent("issue-1", "tenant-a", "acme", "VM restarting", Channel.EMAIL, 1, at, null);
    }

    private static ServiceDisruptionAdmitted disruption(Discovery discovery, Instant at) {
        return new ServiceDisruptionAdmitted("issue-1", "tenant-a", "acme", discovery, "file share down", at);
    }

    private static ResponseTargetMissed targetMissed(ResponsePhase phase, Instant at) {
        return new ResponseTargetMissed("issue-1", "tenant-a", "acme", phase, at);
    }

    private static ProactiveUpdateOverdue overdue(Instant since, Instant at) {
        return new ProactiveUpdateOverdue("issue-1", "tenant-a", "acme", since, EVERY, at);
    }

    private static IssueResolved resolved(Instant at) {
        return new IssueResolved("issue-1", "tenant-a", "acme", "fixed", at, null);
    }

    private static ResolutionConfirmed confirmed(Instant at) {
        return new ResolutionConfirmed("issue-1", "tenant-a", "acme", true, List.of(), null, at);
    }

    private static IssueReopened reopened(Instant at) {
        return new IssueReopened("issue-1", "tenant-a", "acme", "it broke again", at, null);
    }

    private static Instant at(String time) {
        return Instant.parse("2026-03-02T" + time + ":00Z");
    }
}
