package io.trustline.incident.incident;

import io.trustline.testkit.golden.GoldenJson;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Freezes the JSON of every stored {@link IncidentEvent} as the event store writes it ({@code golden/stored/}).
 * Replay reads these back years later, so a failure here is never fixed by rewriting the file: bump the
 * event's {@code @Revision} and write an upcaster from the old file's shape.
 */
class StoredIncidentEventsGoldenTest {

    private static final String ISSUE_ID = "0195a3c2-7d1e-7b3a-9f10-2c5e8b1d4a77";

    @Test
    void incidentOpened_keepsItsStoredJson_orNeedsAnUpcaster() {
        GoldenJson.assertMatchesStoredGolden(new IncidentEvent.IncidentOpened(ISSUE_ID, "northwind-it", "acme-dental",
                "Payroll server unreachable", Instant.parse("2026-03-02T08:15:02.418Z")));
    }

    @Test
    void actionPlanIssued_keepsItsStoredJson_orNeedsAnUpcaster() {
        GoldenJson.assertMatchesStoredGolden(new IncidentEvent.ActionPlanIssued(ISSUE_ID, "northwind-it", "acme-dental",
                List.of("Restart the payroll database service on PAYROLL-01", "Run a test payroll export with Dana"),
                "Priya Natarajan", Instant.parse("2026-03-02T11:00:00Z"), Instant.parse("2026-03-02T08:52:00Z")));
    }
}
