package io.trustline.incident.intake;

import io.cloudevents.CloudEvent;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.api.IssueReported;
import io.trustline.intake.api.Reporter;
import io.trustline.testkit.KafkaTestTopics;
import java.time.Instant;
import java.util.UUID;

/** IssueReported as intake publishes it, for the incident service's tests. */
public final class IssueReportedEvents {

    private IssueReportedEvents() {
    }

    public static CloudEvent publish(String eventId, String tenantId, String clientId, String issueId) {
        Instant now = Instant.now();
        return KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, eventId, IntakeEventTypes.ISSUE_REPORTED, tenantId,
                clientId, now, new IssueReported(tenantId, clientId, issueId, now, "Payroll server unreachable", null,
                        new Reporter("Dana Office", null, null), "PHONE", null, null));
    }

    public static CloudEvent publish(String tenantId, String clientId, String issueId) {
        return publish(UUID.randomUUID().toString(), tenantId, clientId, issueId);
    }
}
