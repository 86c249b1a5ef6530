package io.trustline.intake.issue;

import io.trustline.intake.api.Priority;
import io.trustline.intake.api.PsaTicketRef;
import io.trustline.intake.api.PsaTool;
import io.trustline.intake.api.Reporter;
import io.trustline.intake.issue.IssueCommand.PsaTicketFacts;
import io.trustline.intake.issue.IssueCommand.RecordPsaTicketChange;
import io.trustline.intake.issue.IssueEvent.IssueReported;
import io.trustline.intake.issue.IssueEvent.PsaTicketUpdated;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A PSA ticket's changes on its issue, as a PSA without sequence numbers (Halo) sends them: ordered by changedAt. */
class PsaTicketIssueTest {

    private static final String ISSUE = "issue-1";
    private static final Instant CREATED = Instant.parse("2026-03-02T08:15:00Z");
    private static final Instant RECORDED = Instant.parse("2026-03-02T08:15:03Z");
    private static final Instant RESPONDED = Instant.parse("2026-03-02T08:31:00Z");
    private static final Instant RESOLVED = Instant.parse("2026-03-02T11:00:00Z");

    private AggregateTestFixture<Issue> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Issue.class);
    }

    @Test
    void aTicketsFirstChange_reportsTheIssue_andRecordsTheTicketAsSent() {
        fixture.givenNoPriorActivity()
                .when(change("d1", CREATED, "New", null, null, false, "acme-dental"))
                .expectResultMessagePayload(PsaTicketOutcome.REPORTED)
                .expectEvents(new IssueReported(ISSUE, "tenant-a", "acme-dental", "Printer offline", null,
                                new Reporter("Dana Office", null, null), "PSA", new PsaTicketRef("HALO", "H-42"),
                                Priority.HIGH, CREATED),
                        new PsaTicketUpdated(ISSUE, "tenant-a", "acme-dental", PsaTool.HALO, "H-42", "d1", null, CREATED,
                                "New", null, null, null, null, RECORDED));
    }

    @Test
    void aChangeOfATicketThatIsNoIssue_withoutAMappedCompany_isRefused() {
        fixture.givenNoPriorActivity()
                .when(change("d1", CREATED, "New", null, null, false, null))
                .expectException(PsaTicketNotTracked.class)
                .expectNoEvents();
    }

    @Test
    void aChangeOlderThanOneRecorded_isStale() {
        fixture.givenCommands(change("d1", CREATED, "New", null, null, false, "acme-dental"),
                        change("d3", at(10), "Resolved", RESPONDED, RESOLVED, false, null))
                .when(change("d2", at(9), "In Progress", RESPONDED, null, true, null))
                .expectResultMessagePayload(PsaTicketOutcome.STALE)
                .expectNoEvents();
    }

    @Test
    void twoChangesOfOneSecond_areBothRecorded_butTheSameDeliveryOnce() {
        fixture.givenCommands(change("d1", CREATED, "New", null, null, false, "acme-dental"),
                        change("d2", at(9), "In Progress", RESPONDED, null, false, null))
                .when(change("d3", at(9), "Waiting on customer", null, null, false, null))
                .expectResultMessagePayload(PsaTicketOutcome.UPDATED)
                .expectEvents(new PsaTicketUpdated(ISSUE, "tenant-a", "acme-dental", PsaTool.HALO, "H-42", "d3", null,
                        at(9), "Waiting on customer", RESPONDED, null, null, null, RECORDED));
        fixture.givenCommands(change("d1", CREATED, "New", null, null, false, "acme-dental"),
                        change("d2", at(9), "In Progress", RESPONDED, null, false, null))
                .when(change("d2", at(9), "In Progress", RESPONDED, null, false, null))
                .expectResultMessagePayload(PsaTicketOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void aReopen_withdrawsTheResolution_andKeepsTheResponse() {
        fixture.givenCommands(change("d1", CREATED, "New", null, null, false, "acme-dental"),
                        change("d2", at(10), "Resolved", RESPONDED, RESOLVED, false, null))
                .when(change("d3", at(11), "Open", null, null, true, null))
                .expectEvents(new PsaTicketUpdated(ISSUE, "tenant-a", "acme-dental", PsaTool.HALO, "H-42", "d3", null,
                        at(11), "Open", RESPONDED, null, null, null, RECORDED));
    }

    /** ConnectWise's API leaves an unset dateResolved out, so each update of an open ticket withdraws a resolution. */
    @Test
    void aWithdrawnResolution_ofATicketNeverResolved_recordsNothing() {
        fixture.givenCommands(change("d1", CREATED, "New", null, null, false, "acme-dental"))
                .when(change("d2", at(9), "New", null, null, true, null))
                .expectResultMessagePayload(PsaTicketOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void aWithdrawnResolution_withAResponse_recordsOnlyTheResponse() {
        fixture.givenCommands(change("d1", CREATED, "New", null, null, false, "acme-dental"))
                .when(change("d2", at(9), "New", RESPONDED, null, true, null))
                .expectResultMessagePayload(PsaTicketOutcome.UPDATED)
                .expectEvents(new PsaTicketUpdated(ISSUE, "tenant-a", "acme-dental", PsaTool.HALO, "H-42", "d2", null,
                        at(9), "New", RESPONDED, null, null, null, RECORDED));
    }

    @Test
    void aChangeOfNothingTracked_recordsNothing() {
        fixture.givenCommands(change("d1", CREATED, "New", null, null, false, "acme-dental"))
                .when(change("d2", at(9), null, null, null, false, null))
                .expectResultMessagePayload(PsaTicketOutcome.UNCHANGED)
                .expectNoEvents();
    }

    private static Instant at(int hour) {
        return Instant.parse("2026-03-02T%02d:00:00Z".formatted(hour));
    }

    private static RecordPsaTicketChange change(String deliveryId, Instant changedAt, String status, Instant respondedAt,
                                                Instant resolvedAt, boolean reopened, String clientId) {
        return new RecordPsaTicketChange(ISSUE, "tenant-a", clientId, new PsaTicketFacts(PsaTool.HALO, "H-42",
                deliveryId, null, changedAt, CREATED, "Printer offline", null, Priority.HIGH,
                new Reporter("Dana Office", null, null), status, respondedAt, null, resolvedAt, reopened, null),
                RECORDED);
    }
}
