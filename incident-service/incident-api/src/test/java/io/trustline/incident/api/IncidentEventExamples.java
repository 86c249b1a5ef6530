package io.trustline.incident.api;

import java.time.Instant;
import java.util.List;

/**
 * Fully populated examples of every incident event, equal to the golden JSON files under {@code golden/} on
 * the test classpath. They continue seed 001's payroll story told by the intake examples (same tenant, client
 * and issue).
 */
public final class IncidentEventExamples {

    public static final String TENANT_ID = "northwind-it";
    public static final String CLIENT_ID = "acme-dental";
    public static final String ISSUE_ID = "0195a3c2-7d1e-7b3a-9f10-2c5e8b1d4a77";

    private IncidentEventExamples() {
    }

    /** Equal to {@code golden/IncidentOpened.v1.json}. */
    public static IncidentOpened incidentOpened() {
        return new IncidentOpened(TENANT_ID, CLIENT_ID, ISSUE_ID, Instant.parse("2026-03-02T08:15:02.418Z"),
                "Payroll server unreachable");
    }

    /** Equal to {@code golden/ActionPlanIssued.v1.json}. */
    public static ActionPlanIssued actionPlanIssued() {
        return new ActionPlanIssued(TENANT_ID, CLIENT_ID, ISSUE_ID, Instant.parse("2026-03-02T08:52:00Z"),
                List.of("Restart the payroll database service on PAYROLL-01",
                        "Restore the DNS record for payroll.acme.local",
                        "Run a test payroll export with Dana before 11:00"),
                "Priya Natarajan",
                Instant.parse("2026-03-02T11:00:00Z"));
    }
}
