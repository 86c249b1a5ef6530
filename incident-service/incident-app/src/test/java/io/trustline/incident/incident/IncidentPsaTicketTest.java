package io.trustline.incident.incident;

import io.trustline.incident.api.Channel;
import io.trustline.incident.api.PsaTool;
import io.trustline.incident.api.ResponsePhase;
import io.trustline.incident.incident.IncidentCommand.AcknowledgeIssue;
import io.trustline.incident.incident.IncidentCommand.PsaNote;
import io.trustline.incident.incident.IncidentCommand.RecordPsaTicketUpdate;
import io.trustline.incident.incident.IncidentCommand.ReopenIssue;
import io.trustline.incident.incident.IncidentCommand.SetResponseTargets;
import io.trustline.incident.incident.IncidentEvent.ActionPlanIssued;
import io.trustline.incident.incident.IncidentEvent.IncidentOpened;
import io.trustline.incident.incident.IncidentEvent.IssueAcknowledged;
import io.trustline.incident.incident.IncidentEvent.IssueReopened;
import io.trustline.incident.incident.IncidentEvent.IssueResolved;
import io.trustline.incident.incident.IncidentEvent.ProactiveUpdateSent;
import io.trustline.incident.incident.IncidentEvent.PsaOrigin;
import io.trustline.incident.incident.IncidentEvent.ResponseTargetMissed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A PSA ticket's changes as intake normalises them ({@code PsaTicketUpdated}): every change carries the ticket's
 * milestones as known after it, so the incident records what is news and nothing for a change it already knew.
 * Reported at 08:15; acknowledge by 08:30, plan by 09:15 where a test sets targets.
 */
class IncidentPsaTicketTest {

    private static final Instant REPORTED = at("08:15");
    private static final IncidentOpened OPENED = new IncidentOpened("issue-1", "tenant-a", "acme", "Payroll down", REPORTED);
    private static final PsaNote PLAN_NOTE = new PsaNote("88412", "Replacing the failed disk; payroll on the spare meanwhile.",
            at("09:05"));

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
    }

    @Test
    void aFirstResponse_isTheAcknowledgement_atThePsasInstant_namingThePsa() {
        fixture.given(OPENED)
                .when(change("08:31:12", "In Progress", at("08:31"), null, null, null))
                .expectEvents(new IssueAcknowledged("issue-1", "tenant-a", "acme", "ConnectWise PSA", null, at("08:31"),
                        origin("08:31:12", null)));
    }

    @Test
    void theSameChangeDeliveredAgain_recordsNothing() {
        RecordPsaTicketUpdate change = change("09:05:12", "In Progress", at("08:31"), at("09:05"), null, PLAN_NOTE);
        fixture.given(OPENED)
                .andGivenCommands(change)
                .when(change)
                .expectNoEvents();
    }

    @Test
    void aPlan_isTheNoteThatCameWithIt_andThatNoteIsNoSeparateUpdate() {
        fixture.given(OPENED)
                .when(change("09:05:12", "In Progress", at("08:31"), at("09:05"), null, PLAN_NOTE))
                .expectEvents(new IssueAcknowledged("issue-1", "tenant-a", "acme", "ConnectWise PSA", null, at("08:31"),
                                origin("09:05:12", null)),
                        new ActionPlanIssued("issue-1", "tenant-a", "acme", List.of(PLAN_NOTE.text()), "ConnectWise PSA",
                                null, at("09:05"), origin("09:05:12", "id:88412")));
    }

    @Test
    void aPlanWithoutANote_isTheTicketsStatus() {
        fixture.given(OPENED)
                .andGivenCommands(change("08:31:12", "In Progress", at("08:31"), null, null, null))
                .when(change("09:05:12", "Waiting on parts", at("08:31"), at("09:05"), null, null))
                .expectEvents(new ActionPlanIssued("issue-1", "tenant-a", "acme", List.of("Waiting on parts"),
                        "ConnectWise PSA", null, at("09:05"), origin("09:05:12", null)));
    }

    @Test
    void eachDistinctNote_isOneProactiveUpdate_andANoteSeenBefore_isNone() {
        PsaNote first = new PsaNote(null, "The spare server is up.", at("09:40"));
        PsaNote second = new PsaNote(null, "The spare server is up.", at("10:20"));
        fixture.given(OPENED)
                .andGivenCommands(change("09:40:05", null, at("08:31"), null, null, first),
                        change("09:50:05", null, at("08:31"), null, null, first))
                .when(change("10:20:05", null, at("08:31"), null, null, second))
                .expectEvents(new ProactiveUpdateSent("issue-1", "tenant-a", "acme", "The spare server is up.",
                        Channel.PSA_NOTE, 2, at("10:20"), origin("10:20:05", "sent:" + at("10:20") + ":The spare server is up.")));
    }

    @Test
    void aResolutionInThePsa_resolvesTheIncident_once() {
        RecordPsaTicketUpdate resolved = change("11:00:03", "Completed", at("08:31"), at("09:05"), at("11:00"), null);
        fixture.given(OPENED)
                .andGivenCommands(resolved)
                .when(resolved)
                .expectNoEvents();
        fixture.given(OPENED, acknowledged(), planned())
                .when(resolved)
                .expectEvents(new IssueResolved("issue-1", "tenant-a", "acme",
                        "Resolved in ConnectWise PSA (status Completed)", at("11:00"), origin("11:00:03", null)));
    }

    @Test
    void aResolutionThePsaTookBack_reopensTheIncident_atTheTicketsChange() {
        fixture.given(OPENED, acknowledged(), planned())
                .andGivenCommands(change("11:00:03", "Completed", at("08:31"), at("09:05"), at("11:00"), null))
                .when(change("11:30:03", "Reopened", at("08:31"), at("09:05"), null, null, at("11:29")))
                .expectEvents(new IssueReopened("issue-1", "tenant-a", "acme",
                        "Reopened in ConnectWise PSA (status Reopened)", at("11:29"), origin("11:30:03", null)));
    }

    @Test
    void olderChangesReplayed_afterTheTicketWasResolvedAgain_recordNothing() {
        RecordPsaTicketUpdate responded = change("08:31:12", "In Progress", at("08:31"), null, null, null);
        RecordPsaTicketUpdate resolved = change("11:00:03", "Completed", at("08:31"), at("09:05"), at("11:00"), null);
        RecordPsaTicketUpdate reopened = change("11:30:03", "Reopened", at("08:31"), at("09:05"), null, null);
        RecordPsaTicketUpdate resolvedAgain = change("12:00:03", "Completed", at("08:31"), at("09:05"), at("12:00"), null);
        fixture.given(OPENED)
                .andGivenCommands(responded, resolved, reopened, resolvedAgain, responded, resolved, reopened)
                .when(resolvedAgain)
                .expectNoEvents();
        fixture.given(OPENED)
                .andGivenCommands(responded, resolved, reopened)
                .when(resolved)
                .expectNoEvents();
    }

    @Test
    void aResolutionThroughTheApi_isNotTakenBack_byATicketThePsaNeverResolved() {
        fixture.given(OPENED, acknowledged(), planned(),
                        new IssueResolved("issue-1", "tenant-a", "acme", "fixed on site", at("10:00"), null))
                .when(change("10:30:00", "In Progress", at("08:31"), at("09:05"), null, null))
                .expectNoEvents();
    }

    @Test
    void aResolutionThePsaStillShows_isNotRecordedAgain_afterAReopeningThroughTheApi() {
        fixture.given(OPENED, acknowledged(), planned())
                .andGivenCommands(change("11:00:03", "Completed", at("08:31"), at("09:05"), at("11:00"), null),
                        new ReopenIssue("issue-1", "tenant-a", "still broken", null, at("11:10")))
                .when(change("11:20:00", "Completed", at("08:31"), at("09:05"), at("11:00"),
                        new PsaNote("90001", "Looking again.", at("11:20"))))
                .expectEvents(new ProactiveUpdateSent("issue-1", "tenant-a", "acme", "Looking again.", Channel.PSA_NOTE,
                        1, at("11:20"), origin("11:20:00", "id:90001")));
    }

    @Test
    void anAcknowledgementGivenThroughTheApi_isNotGivenAgain_byThePsa() {
        fixture.given(OPENED)
                .andGivenCommands(new AcknowledgeIssue("issue-1", "tenant-a", "Sam", null, null, at("08:20")))
                .when(change("08:31:12", "In Progress", at("08:31"), null, null, null))
                .expectNoEvents();
    }

    @Test
    void aPsaInstantBeforeTheIncidentOpened_isTakenAsTheOpening() {
        fixture.given(OPENED)
                .when(change("08:16:00", "In Progress", at("08:10"), null, null, null))
                .expectEvents(new IssueAcknowledged("issue-1", "tenant-a", "acme", "ConnectWise PSA", null, REPORTED,
                        origin("08:16:00", null)));
    }

    @Test
    void aResponseInThePsaByTheTarget_meetsIt_thoughItWasLearntAfterwards() {
        fixture.givenCurrentTime(REPORTED)
                .andGiven(OPENED)
                .andGivenCommands(targets(), change("08:45:00", "In Progress", at("08:25"), null, null, null))
                .whenTimeAdvancesTo(at("08:30").plusSeconds(7))
                .expectNoEvents();
    }

    @Test
    void aResponseInThePsaAfterTheTarget_missesIt() {
        fixture.givenCurrentTime(REPORTED)
                .andGiven(OPENED)
                .andGivenCommands(targets(), change("08:45:00", "In Progress", at("08:40"), null, null, null))
                .whenTimeAdvancesTo(at("08:46"))
                .expectEvents(new ResponseTargetMissed("issue-1", "tenant-a", "acme", ResponsePhase.ACKNOWLEDGE,
                        at("08:30")));
    }

    @Test
    void aTicketChangeBeforeItsIncidentIsOpen_findsNoIncident() {
        fixture.givenNoPriorActivity()
                .when(change("08:31:12", "In Progress", at("08:31"), null, null, null))
                .expectException(AggregateNotFoundException.class);
    }

    private static SetResponseTargets targets() {
        return new SetResponseTargets("issue-1", "tenant-a", Duration.ofMinutes(15), Duration.ofHours(1),
                Duration.ofDays(1), Duration.ofHours(4), null, 0, REPORTED);
    }

    private static IssueAcknowledged acknowledged() {
        return new IssueAcknowledged("issue-1", "tenant-a", "acme", "ConnectWise PSA", null, at("08:31"),
                origin("08:31:12", null));
    }

    private static ActionPlanIssued planned() {
        return new ActionPlanIssued("issue-1", "tenant-a", "acme", List.of("In Progress"), "ConnectWise PSA", null,
                at("09:05"), origin("09:05:12", null));
    }

    private static RecordPsaTicketUpdate change(String recorded, String status, Instant respondedAt, Instant planAt,
                                                Instant resolvedAt, PsaNote note) {
        return change(recorded, status, respondedAt, planAt, resolvedAt, note, null);
    }

    private static RecordPsaTicketUpdate change(String recorded, String status, Instant respondedAt, Instant planAt,
                                                Instant resolvedAt, PsaNote note, Instant changedAt) {
        return new RecordPsaTicketUpdate("issue-1", "tenant-a", PsaTool.CONNECTWISE, "104233", at(recorded), changedAt,
                status, respondedAt, planAt, resolvedAt, note);
    }

    private static PsaOrigin origin(String recorded, String noteKey) {
        return new PsaOrigin(PsaTool.CONNECTWISE, "104233", at(recorded), noteKey);
    }

    private static Instant at(String time) {
        return Instant.parse("2026-03-02T" + (time.length() == 5 ? time + ":00" : time) + "Z");
    }
}
