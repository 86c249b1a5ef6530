package io.trustline.intake.issue;

import static io.trustline.intake.issue.IssueFixtures.REPORTED_AT;
import static io.trustline.intake.issue.IssueFixtures.payrollExpectation;
import static io.trustline.intake.issue.IssueFixtures.reportPayrollIssue;

import io.trustline.intake.issue.IssueEvent.ExpectationSet;
import io.trustline.intake.issue.IssueEvent.IssueReported;
import io.trustline.intake.api.Priority;
import io.trustline.intake.api.Reporter;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IssueTest {

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
}
