package io.trustline.intake.issue;

import io.trustline.intake.api.Expectation;
import io.trustline.intake.api.Priority;
import io.trustline.intake.api.PsaNote;
import io.trustline.intake.api.PsaTool;
import io.trustline.intake.api.RequestedBy;
import io.trustline.intake.api.When;
import java.time.Instant;
import io.trustline.intake.api.PsaTicketRef;
import io.trustline.intake.api.Reporter;
import io.trustline.testkit.golden.GoldenJson;
import org.junit.jupiter.api.Test;

/**
 * Freezes the JSON of every stored {@link IssueEvent} as the event store writes it ({@code golden/stored/}).
 * Replay reads these back years later, so a failure here is never fixed by rewriting the file: bump the
 * event's {@code @Revision} and write an upcaster from the old file's shape.
 */
class StoredIssueEventsGoldenTest {

    private static final String ISSUE_ID = "0195a3c2-7d1e-7b3a-9f10-2c5e8b1d4a77";

    @Test
    void issueReported_keepsItsStoredJson_orNeedsAnUpcaster() {
        GoldenJson.assertMatchesStoredGolden(new IssueEvent.IssueReported(ISSUE_ID, "northwind-it", "acme-dental",
                "Payroll server unreachable", "Nobody in the back office can open the payroll application.",
                new Reporter("Dana Office", "dana@acme.example", "+44 20 7946 0321"), "PHONE",
                new PsaTicketRef("CONNECTWISE", "CW-104233"), Priority.CRITICAL, IssueFixtures.REPORTED_AT));
    }

    @Test
    void expectationSet_keepsItsStoredJson_orNeedsAnUpcaster() {
        GoldenJson.assertMatchesStoredGolden(new IssueEvent.ExpectationSet(ISSUE_ID, "northwind-it", "acme-dental",
                IssueFixtures.payrollExpectation(), IssueFixtures.REPORTED_AT));
    }

    @Test
    void expectationRevised_keepsItsStoredJson_orNeedsAnUpcaster() {
        Expectation before = IssueFixtures.payrollExpectation();
        Expectation after = new Expectation(before.who(), before.what(),
                new When(Instant.parse("2026-03-04T12:00:00Z"), "the bank takes files until Wednesday"), before.where(),
                before.how());
        GoldenJson.assertMatchesStoredGolden(new IssueEvent.ExpectationRevised(ISSUE_ID, "northwind-it", "acme-dental",
                before, after, "the replacement disk arrives Wednesday morning", RequestedBy.PROVIDER, true,
                Instant.parse("2026-03-02T17:40:00Z")));
    }

    @Test
    void psaTicketLinked_keepsItsStoredJson_orNeedsAnUpcaster() {
        GoldenJson.assertMatchesStoredGolden(new IssueEvent.PsaTicketLinked(ISSUE_ID, "northwind-it", "acme-dental",
                PsaTool.CONNECTWISE, "CW-104233", "https://psa.example/tickets/104233",
                Instant.parse("2026-03-02T08:24:10Z")));
    }

    @Test
    void psaTicketUpdated_keepsItsStoredJson_orNeedsAnUpcaster() {
        GoldenJson.assertMatchesStoredGolden(new IssueEvent.PsaTicketUpdated(ISSUE_ID, "northwind-it", "acme-dental",
                PsaTool.AUTOTASK, "7011", "9a4e3b1c-6d2f-4e8a-b7c5-1f0d2e3a4b5c:7011:3", 3L,
                Instant.parse("2026-03-02T09:05:00Z"), "8", Instant.parse("2026-03-02T08:31:00Z"),
                Instant.parse("2026-03-02T09:05:00Z"), null,
                new PsaNote("502", "The payroll server's disk is failing.", Instant.parse("2026-03-02T09:05:00Z")),
                Instant.parse("2026-03-02T09:05:12Z")));
    }
}
