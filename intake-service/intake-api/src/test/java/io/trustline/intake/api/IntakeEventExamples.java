package io.trustline.intake.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Fully populated examples of every intake event, equal to the golden JSON files under {@code golden/} on the
 * test classpath. Seed 001's payroll story: everyone at the dental practice is stopped and payroll is due
 * tomorrow.
 */
public final class IntakeEventExamples {

    public static final String TENANT_ID = "northwind-it";
    public static final String CLIENT_ID = "acme-dental";
    public static final String ISSUE_ID = "0195a3c2-7d1e-7b3a-9f10-2c5e8b1d4a77";
    public static final String NOTICE_ID = "0195a7f0-1c2d-7e3f-8a4b-5c6d7e8f9a01";

    private IntakeEventExamples() {
    }

    /** Equal to {@code golden/IssueReported.v1.json}. */
    public static IssueReported issueReported() {
        return new IssueReported(TENANT_ID, CLIENT_ID, ISSUE_ID, Instant.parse("2026-03-02T08:15:00Z"),
                "Payroll server unreachable",
                "Since 8am nobody in the back office can open the payroll application; it says the server cannot be found.",
                new Reporter("Dana Whitfield", "dana.whitfield@acme-dental.example", "+44 20 7946 0321"),
                "PHONE",
                new PsaTicketRef("CONNECTWISE", "CW-104233"),
                Priority.CRITICAL);
    }

    /** Equal to {@code golden/ExpectationSet.v1.json}. */
    public static ExpectationSet expectationSet() {
        return new ExpectationSet(TENANT_ID, CLIENT_ID, ISSUE_ID, Instant.parse("2026-03-02T08:21:30Z"),
                payrollExpectation());
    }

    /**
     * Equal to {@code golden/ExpectationRevised.v1.json}: the provider asks, the evening before, for until Wednesday
     * noon and a remote fix, because the replacement disk arrives Wednesday morning.
     */
    public static ExpectationRevised expectationRevised() {
        Expectation before = payrollExpectation();
        Expectation after = new Expectation(before.who(), before.what(),
                new When(Instant.parse("2026-03-04T12:00:00Z"), "payroll can run a day late, the bank accepts files until Wednesday"),
                new Where(before.where().location(), WorkMode.REMOTE), before.how());
        return new ExpectationRevised(TENANT_ID, CLIENT_ID, ISSUE_ID, Instant.parse("2026-03-02T17:40:00Z"),
                new ExpectationChanges(null, null, new Revised<>(before.when(), after.when()),
                        new Revised<>(before.where(), after.where()), null),
                after, "the replacement disk for the payroll server arrives Wednesday morning",
                RequestedBy.PROVIDER, true);
    }

    /** Equal to {@code golden/PsaTicketLinked.v1.json}. */
    public static PsaTicketLinked psaTicketLinked() {
        return new PsaTicketLinked(TENANT_ID, CLIENT_ID, ISSUE_ID, Instant.parse("2026-03-02T08:24:10Z"),
                PsaTool.CONNECTWISE, "CW-104233", "https://na.myconnectwise.net/v4_6_release/services/system_io/Service/fv_sr100_request.rails?service_recid=104233");
    }

    /**
     * Equal to {@code golden/PsaTicketUpdated.v1.json}: the ConnectWise ticket was responded to and planned, and
     * the engineer told the client what happens next.
     */
    public static PsaTicketUpdated psaTicketUpdated() {
        return new PsaTicketUpdated(TENANT_ID, CLIENT_ID, ISSUE_ID, Instant.parse("2026-03-02T09:05:12Z"),
                PsaTool.CONNECTWISE, "104233", Instant.parse("2026-03-02T09:05:00Z"), "In Progress",
                Instant.parse("2026-03-02T08:31:00Z"), Instant.parse("2026-03-02T09:05:00Z"), null,
                new PsaNote("88412", "The payroll server's disk is failing; a replacement arrives tomorrow 08:00 and "
                        + "we restore payroll on the spare server in the meantime.", Instant.parse("2026-03-02T09:05:00Z")));
    }

    /**
     * Equal to {@code golden/AdvanceNoticeGiven.v1.json}: on Tuesday the practice says a new hire starts next Monday
     * at 08:00 (seed 001: let your provider know right away), six days less an hour ahead.
     */
    public static AdvanceNoticeGiven advanceNoticeGiven() {
        Instant givenAt = Instant.parse("2026-03-03T09:00:00Z");
        Instant neededBy = Instant.parse("2026-03-09T08:00:00Z");
        return new AdvanceNoticeGiven(TENANT_ID, CLIENT_ID, NOTICE_ID, givenAt, NEW_HIRE, neededBy,
                Duration.between(givenAt, neededBy));
    }

    /**
     * Equal to {@code golden/AdvanceNoticeFulfilled.v1.json}: the workstation was ready at 10:30 on Monday, two and a
     * half hours after the new hire arrived (late, so every field is present).
     */
    public static AdvanceNoticeFulfilled advanceNoticeFulfilled() {
        AdvanceNoticeGiven given = advanceNoticeGiven();
        Instant fulfilledAt = Instant.parse("2026-03-09T10:30:00Z");
        return new AdvanceNoticeFulfilled(TENANT_ID, CLIENT_ID, NOTICE_ID, fulfilledAt, NEW_HIRE, given.occurredAt(),
                given.neededBy(), given.leadTime(), false, Duration.between(given.neededBy(), fulfilledAt),
                "the laptop image failed on Friday; the new hire used the spare laptop until 10:30");
    }

    private static final String NEW_HIRE = "new hire starts Monday: laptop, accounts and a desk phone";

    /** The expectation inside {@link #expectationSet()}. */
    public static Expectation payrollExpectation() {
        return new Expectation(
                new Who(Scope.EVERYONE, 25),
                new What(Impact.STOPPED, new BigDecimal("1200.50"), "Nobody can run payroll or check staff hours"),
                new When(Instant.parse("2026-03-03T12:00:00Z"), "payroll is due tomorrow"),
                new Where("head office, 12 Harbour Street", WorkMode.ON_SITE),
                new How("payroll runs and the bank accepts the payment file",
                        List.of("the payroll export completes", "the bank portal accepts the BACS file")));
    }
}
