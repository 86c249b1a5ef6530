package io.trustline.incident.intake;

import static io.trustline.testkit.TestTenants.TENANT_A;

import io.trustline.intake.api.ExpectationRevised;
import io.trustline.intake.api.ExpectationSet;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.api.IssueReported;
import io.trustline.intake.api.PsaTicketUpdated;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.golden.GoldenExample;
import io.trustline.testkit.golden.GoldenJson;
import java.util.UUID;

/** Intake's events as intake publishes them: its golden examples, for another client and issue of tenant A. */
public final class IntakeEvents {

    private IntakeEvents() {
    }

    public static GoldenExample<IssueReported> issueReported(String clientId, String issueId) {
        return GoldenJson.exampleOfIssue(IssueReported.class, TENANT_A, clientId, issueId);
    }

    public static void publishIssueReported(String eventId, String clientId, String issueId) {
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, eventId, IntakeEventTypes.ISSUE_REPORTED,
                issueReported(clientId, issueId));
    }

    public static void publishIssueReported(String clientId, String issueId) {
        publishIssueReported(UUID.randomUUID().toString(), clientId, issueId);
    }

    public static GoldenExample<ExpectationSet> expectationSet(String clientId, String issueId) {
        return GoldenJson.exampleOfIssue(ExpectationSet.class, TENANT_A, clientId, issueId);
    }

    public static void publishExpectationSet(String clientId, String issueId) {
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, UUID.randomUUID().toString(), IntakeEventTypes.EXPECTATION_SET,
                expectationSet(clientId, issueId));
    }

    public static GoldenExample<ExpectationRevised> expectationRevised(String clientId, String issueId) {
        return GoldenJson.exampleOfIssue(ExpectationRevised.class, TENANT_A, clientId, issueId);
    }

    /** Intake's example: the ConnectWise ticket responded to and planned, with the note that told the plan. */
    public static GoldenExample<PsaTicketUpdated> psaTicketUpdated(String clientId, String issueId) {
        return GoldenJson.exampleOfIssue(PsaTicketUpdated.class, TENANT_A, clientId, issueId);
    }
}
