package io.trustline.incident.api;

import java.time.Duration;
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
    /** The ConnectWise ticket of intake's {@code PsaTicketUpdated} example, as the source of the PSA's moments. */
    public static final PsaSource PSA_TICKET = new PsaSource(PsaTool.CONNECTWISE, "104233");

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
                Instant.parse("2026-03-02T11:00:00Z"),
                PSA_TICKET);
    }

    /** Equal to {@code golden/IssueAcknowledged.v1.json}. */
    public static IssueAcknowledged issueAcknowledged() {
        return new IssueAcknowledged(TENANT_ID, CLIENT_ID, ISSUE_ID, Instant.parse("2026-03-02T08:21:40Z"),
                "Priya Natarajan", "I have the payroll outage and will call Dana within 30 minutes.", PSA_TICKET);
    }

    /** Equal to {@code golden/ServiceDisruptionAdmitted.v1.json}. */
    public static ServiceDisruptionAdmitted serviceDisruptionAdmitted() {
        return new ServiceDisruptionAdmitted(TENANT_ID, CLIENT_ID, ISSUE_ID, Instant.parse("2026-03-02T08:58:00Z"),
                Discovery.DISCLOSED_BY_PROVIDER,
                "Last night's patch run restarted PAYROLL-01 without bringing its database service back up.");
    }

    /** Equal to {@code golden/ProactiveUpdateSent.v1.json}. */
    public static ProactiveUpdateSent proactiveUpdateSent() {
        return new ProactiveUpdateSent(TENANT_ID, CLIENT_ID, ISSUE_ID, Instant.parse("2026-03-02T09:30:00Z"),
                "The database service is running again; the DNS fix is in progress. Next update by 10:15.",
                Channel.EMAIL, PSA_TICKET);
    }

    /** Equal to {@code golden/ClientChasedUpdate.v1.json}. */
    public static ClientChasedUpdate clientChasedUpdate() {
        return new ClientChasedUpdate(TENANT_ID, CLIENT_ID, ISSUE_ID, Instant.parse("2026-03-02T10:40:00Z"),
                Channel.PHONE, "Will payroll be ready for the 11:00 export?");
    }

    /** Equal to {@code golden/MiscommunicationRecorded.v1.json}. */
    public static MiscommunicationRecorded miscommunicationRecorded() {
        return new MiscommunicationRecorded(TENANT_ID, CLIENT_ID, ISSUE_ID, Instant.parse("2026-03-02T10:45:00Z"),
                "Dana took \"fixed\" to mean the export was tested; we meant the server was reachable again.",
                Party.BOTH);
    }

    /** Equal to {@code golden/ActionPlanCompleted.v1.json}. */
    public static ActionPlanCompleted actionPlanCompleted() {
        return new ActionPlanCompleted(TENANT_ID, CLIENT_ID, ISSUE_ID, Instant.parse("2026-03-02T10:50:00Z"),
                "The test export ran with Dana at 10:48.");
    }

    /** Equal to {@code golden/IssueResolved.v1.json}. */
    public static IssueResolved issueResolved() {
        return new IssueResolved(TENANT_ID, CLIENT_ID, ISSUE_ID, Instant.parse("2026-03-02T10:52:00Z"),
                "The database service starts automatically again, the DNS record is restored and a test export "
                        + "reached the bank.", PSA_TICKET);
    }

    /** Equal to {@code golden/ResolutionConfirmed.v1.json}. */
    public static ResolutionConfirmed resolutionConfirmed() {
        return new ResolutionConfirmed(TENANT_ID, CLIENT_ID, ISSUE_ID, Instant.parse("2026-03-02T11:20:00Z"), true,
                List.of(new AcceptanceCheckResult("Payroll export reaches the bank", true),
                        new AcceptanceCheckResult("Everyone can open the payroll app", true)),
                "The export went through in time. Thanks for calling back.");
    }

    /** Equal to {@code golden/IssueReopened.v1.json}. */
    public static IssueReopened issueReopened() {
        return new IssueReopened(TENANT_ID, CLIENT_ID, ISSUE_ID, Instant.parse("2026-03-03T08:05:00Z"),
                "The DNS record for payroll.acme.local vanished again overnight.", PSA_TICKET);
    }

    /**
     * Equal to {@code golden/ResponseTargetsSet.v1.json}: STOPPED on EVERYONE under the tenant's policy version 3,
     * with the client's own resolveBy.
     */
    public static ResponseTargetsSet responseTargetsSet() {
        return new ResponseTargetsSet(TENANT_ID, CLIENT_ID, ISSUE_ID, Instant.parse("2026-03-02T08:21:30Z"),
                Instant.parse("2026-03-02T08:30:02.418Z"), Instant.parse("2026-03-02T09:15:02.418Z"),
                Duration.ofMinutes(45), Instant.parse("2026-03-03T12:00:00Z"), 3);
    }
    /** The acknowledgement target of {@link #responseTargetsSet()} passed without one. */
    public static ResponseTargetMissed responseTargetMissed() {
        return new ResponseTargetMissed(TENANT_ID, CLIENT_ID, ISSUE_ID, Instant.parse("2026-03-02T08:30:02.418Z"),
                ResponsePhase.ACKNOWLEDGE);
    }

    /** 45 minutes without contact after the acknowledgement at 08:21:40. */
    public static ProactiveUpdateOverdue proactiveUpdateOverdue() {
        return new ProactiveUpdateOverdue(TENANT_ID, CLIENT_ID, ISSUE_ID, Instant.parse("2026-03-02T09:06:40Z"),
                Instant.parse("2026-03-02T08:21:40Z"), Duration.ofMinutes(45));
    }

    /** Resolved before the client's resolveBy and confirmed as meeting their criteria. */
    public static ExpectationMet expectationMet() {
        return new ExpectationMet(TENANT_ID, CLIENT_ID, ISSUE_ID, Instant.parse("2026-03-02T11:20:00Z"),
                Instant.parse("2026-03-03T12:00:00Z"), Instant.parse("2026-03-02T10:52:00Z"));
    }

    /** The client's resolveBy passed while the issue was still open. */
    public static ExpectationMissed expectationMissed() {
        return new ExpectationMissed(TENANT_ID, CLIENT_ID, ISSUE_ID, Instant.parse("2026-03-03T12:00:00Z"),
                List.of(ExpectationDimension.WHEN), Instant.parse("2026-03-03T12:00:00Z"), null);
    }
}
