package io.trustline.intake.issue;

import io.trustline.intake.api.Expectation;
import io.trustline.intake.api.How;
import io.trustline.intake.api.Impact;
import io.trustline.intake.api.Priority;
import io.trustline.intake.api.Reporter;
import io.trustline.intake.api.Scope;
import io.trustline.intake.api.What;
import io.trustline.intake.api.When;
import io.trustline.intake.api.Where;
import io.trustline.intake.api.Who;
import io.trustline.intake.api.WorkMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Seed 001's payroll story: everyone stopped, payroll due tomorrow. */
final class IssueFixtures {

    static final Instant REPORTED_AT = Instant.parse("2026-03-02T08:15:00Z");

    private IssueFixtures() {
    }

    static Expectation payrollExpectation() {
        return new Expectation(new Who(Scope.EVERYONE, 25),
                new What(Impact.STOPPED, new BigDecimal("1200"), "nobody can run payroll"),
                new When(Instant.parse("2026-03-03T12:00:00Z"), "payroll is due tomorrow"),
                new Where("head office", WorkMode.ON_SITE),
                new How("payroll runs and the bank file is accepted", List.of("payroll export completes", "bank accepts file")));
    }

    static IssueCommand.ReportIssue reportPayrollIssue(String issueId) {
        return new IssueCommand.ReportIssue(issueId, "tenant-a", "acme-dental", "Payroll server unreachable", null,
                new Reporter("Dana Office", "dana@acme.example", null), "PHONE", null, Priority.CRITICAL,
                payrollExpectation(), REPORTED_AT);
    }
}
