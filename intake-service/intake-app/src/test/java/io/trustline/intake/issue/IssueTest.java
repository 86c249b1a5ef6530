package io.trustline.intake.issue;

import static io.trustline.intake.issue.IssueFixtures.REPORTED_AT;
import static io.trustline.intake.issue.IssueFixtures.payrollExpectation;
import static io.trustline.intake.issue.IssueFixtures.reportPayrollIssue;

import io.trustline.intake.api.Expectation;
import io.trustline.intake.api.PsaTicketRef;
import io.trustline.intake.api.PsaTool;
import io.trustline.intake.api.RequestedBy;
import io.trustline.intake.api.Scope;
import io.trustline.intake.api.When;
import io.trustline.intake.api.Who;
import io.trustline.intake.issue.IssueCommand.LinkPsaTicket;
import io.trustline.intake.issue.IssueCommand.ReviseExpectation;
import io.trustline.intake.issue.IssueEvent.ExpectationRevised;
import io.trustline.intake.issue.IssueEvent.ExpectationSet;
import io.trustline.intake.issue.IssueEvent.IssueReported;
import io.trustline.intake.issue.IssueEvent.PsaTicketLinked;
import io.trustline.intake.api.Priority;
import io.trustline.intake.api.Reporter;
import io.trustline.platform.domain.NotFoundForTenant;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IssueTest {

    private static final Instant DEADLINE = Instant.parse("2026-03-03T12:00:00Z");
    private static final Instant EVENING_BEFORE = Instant.parse("2026-03-02T17:40:00Z");
    private static final When WEDNESDAY = new When(Instant.parse("2026-03-04T12:00:00Z"), "the bank takes files until Wednesday");

    private AggregateTestFixture<Issue> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Issue.class);
    }

    @Test
    void reportingAnIssue_recordsTheReportThenTheExpectation() {
        fixture.givenNoPriorActivity()
                .when(reportPayrollIssue("issue-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new IssueReported("issue-1", "tenant-a", "acme-dental", "Payroll server unreachable", null,
                                new Reporter("Dana Office", "dana@acme.example", null), "PHONE", null,
                                Priority.CRITICAL, REPORTED_AT),
                        new ExpectationSet("issue-1", "tenant-a", "acme-dental", payrollExpectation(), REPORTED_AT));
    }

    @Test
    void aProviderAskingForMoreTimeBeforeTheDeadline_isRecordedWithTheExpectationBeforeAndAfter() {
        Expectation after = new Expectation(payrollExpectation().who(), payrollExpectation().what(), WEDNESDAY,
                payrollExpectation().where(), payrollExpectation().how());
        fixture.givenCommands(reportPayrollIssue("issue-1"))
                .when(revise(null, WEDNESDAY, RequestedBy.PROVIDER, EVENING_BEFORE))
                .expectEvents(new ExpectationRevised("issue-1", "tenant-a", "acme-dental", payrollExpectation(), after,
                        "disk arrives Wednesday", RequestedBy.PROVIDER, true, EVENING_BEFORE));
    }

    @Test
    void aRevisionAskedAfterTheDeadline_isRecordedAsNotAskedBeforeIt() {
        Instant hourAfterDeadline = DEADLINE.plusSeconds(3600);
        When friday = new When(Instant.parse("2026-03-06T12:00:00Z"), null);
        Expectation after = new Expectation(payrollExpectation().who(), payrollExpectation().what(), friday,
                payrollExpectation().where(), payrollExpectation().how());
        fixture.givenCommands(reportPayrollIssue("issue-1"))
                .when(revise(null, friday, RequestedBy.CLIENT, hourAfterDeadline))
                .expectEvents(new ExpectationRevised("issue-1", "tenant-a", "acme-dental", payrollExpectation(), after,
                        "disk arrives Wednesday", RequestedBy.CLIENT, false, hourAfterDeadline));
    }

    @Test
    void aRevisionThatChangesNothing_recordsNothing_andAnswersTheExpectationInForce() {
        fixture.givenCommands(reportPayrollIssue("issue-1"))
                .when(revise(new Who(Scope.EVERYONE, 25), payrollExpectation().when(), RequestedBy.CLIENT, EVENING_BEFORE))
                .expectNoEvents()
                .expectResultMessagePayload(new Issue.Unchanged("issue-1", "acme-dental", payrollExpectation()));
    }

    @Test
    void aRevisionDatedInTheFuture_isRefused_namingOccurredAt() {
        fixture.givenCommands(reportPayrollIssue("issue-1"))
                .when(new ReviseExpectation("issue-1", "tenant-a", null, null, WEDNESDAY, null, null, "r",
                        RequestedBy.CLIENT, EVENING_BEFORE.plusSeconds(1), EVENING_BEFORE))
                .expectNoEvents()
                .expectException(InvalidRevision.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("in the future"));
    }

    @Test
    void aRevisionDatedBeforeTheReport_isRefused() {
        fixture.givenCommands(reportPayrollIssue("issue-1"))
                .when(revise(null, WEDNESDAY, RequestedBy.CLIENT, REPORTED_AT.minusSeconds(60)))
                .expectNoEvents()
                .expectException(InvalidRevision.class);
    }

    @Test
    void aNewDeadlineBeforeTheRevision_isRefused_namingResolveBy() {
        fixture.givenCommands(reportPayrollIssue("issue-1"))
                .when(revise(null, new When(REPORTED_AT.plusSeconds(60), null), RequestedBy.PROVIDER, EVENING_BEFORE))
                .expectNoEvents()
                .expectException(InvalidRevision.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("the new deadline must be later"));
    }

    @Test
    void anotherTenantsRevision_isNotFound() {
        fixture.givenCommands(reportPayrollIssue("issue-1"))
                .when(new ReviseExpectation("issue-1", "tenant-b", null, null, WEDNESDAY, null, null, "r",
                        RequestedBy.CLIENT, null, EVENING_BEFORE))
                .expectNoEvents()
                .expectException(NotFoundForTenant.class);
    }

    @Test
    void aSecondRevision_isJudgedAgainstTheFirst() {
        When friday = new When(Instant.parse("2026-03-06T12:00:00Z"), "later still");
        Expectation wednesday = new Expectation(payrollExpectation().who(), payrollExpectation().what(), WEDNESDAY,
                payrollExpectation().where(), payrollExpectation().how());
        Expectation fridayExpectation = new Expectation(wednesday.who(), wednesday.what(), friday, wednesday.where(),
                wednesday.how());
        Instant thursday = Instant.parse("2026-03-05T09:00:00Z");
        fixture.givenCommands(reportPayrollIssue("issue-1"), revise(null, WEDNESDAY, RequestedBy.PROVIDER, EVENING_BEFORE))
                .when(revise(null, friday, RequestedBy.PROVIDER, thursday))
                .expectEvents(new ExpectationRevised("issue-1", "tenant-a", "acme-dental", wednesday, fridayExpectation,
                        "disk arrives Wednesday", RequestedBy.PROVIDER, false, thursday));
    }

    @Test
    void linkingAPsaTicket_recordsTheLink() {
        fixture.givenCommands(reportPayrollIssue("issue-1"))
                .when(link(PsaTool.AUTOTASK, "T20260302.0042"))
                .expectEvents(new PsaTicketLinked("issue-1", "tenant-a", "acme-dental", PsaTool.AUTOTASK,
                        "T20260302.0042", "https://psa.example/t/42", REPORTED_AT.plusSeconds(60)));
    }

    @Test
    void linkingTheSameTicketAgain_recordsNothing() {
        fixture.givenCommands(reportPayrollIssue("issue-1"), link(PsaTool.AUTOTASK, "T20260302.0042"))
                .when(link(PsaTool.AUTOTASK, "T20260302.0042"))
                .expectNoEvents()
                .expectResultMessagePayload(new Issue.AlreadyLinked("issue-1", "acme-dental",
                        new PsaTicketRef("AUTOTASK", "T20260302.0042"), "https://psa.example/t/42"));
    }

    @Test
    void linkingAnotherTicket_isRefused_namingTheLinkedOne() {
        fixture.givenCommands(reportPayrollIssue("issue-1"), link(PsaTool.AUTOTASK, "T20260302.0042"))
                .when(link(PsaTool.AUTOTASK, "T20260302.0043"))
                .expectNoEvents()
                .expectException(PsaTicketAlreadyLinked.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("T20260302.0042"));
    }

    @Test
    void theTicketOfTheReport_countsAsLinked() {
        IssueCommand.ReportIssue reported = reportPayrollIssue("issue-1");
        IssueCommand.ReportIssue withTicket = new IssueCommand.ReportIssue(reported.issueId(), reported.tenantId(),
                reported.clientId(), reported.summary(), reported.description(), reported.reportedBy(),
                reported.channel(), new PsaTicketRef("HALOPSA", "H-7"), reported.priority(), reported.expectation(),
                reported.reportedAt());
        fixture.givenCommands(withTicket)
                .when(link(PsaTool.HALO, "H-7"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    private static ReviseExpectation revise(Who who, When when, RequestedBy by, Instant at) {
        return new ReviseExpectation("issue-1", "tenant-a", who, null, when, null, null, "disk arrives Wednesday", by,
                at, at);
    }

    private static LinkPsaTicket link(PsaTool psa, String ticketId) {
        return new LinkPsaTicket("issue-1", "tenant-a", psa, ticketId, "https://psa.example/t/42",
                REPORTED_AT.plusSeconds(60));
    }
}
