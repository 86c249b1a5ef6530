package io.trustline.intake.issue;

import io.trustline.intake.api.Expectation;
import io.trustline.intake.api.Priority;
import io.trustline.intake.api.PsaTicketRef;
import io.trustline.intake.api.How;
import io.trustline.intake.api.PsaTool;
import io.trustline.intake.api.Reporter;
import io.trustline.intake.api.RequestedBy;
import io.trustline.intake.api.What;
import io.trustline.intake.api.When;
import io.trustline.intake.api.Where;
import io.trustline.intake.api.Who;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of a reported issue. */
public sealed interface IssueCommand {

    /** Record a client's issue together with what the client expects, before any work starts. */
    record ReportIssue(@TargetAggregateIdentifier String issueId, String tenantId, String clientId, String summary,
                       String description, Reporter reportedBy, String channel, PsaTicketRef psaTicket,
                       Priority priority, Expectation expectation, Instant reportedAt) implements IssueCommand {
    }

    /** Commands on an issue already reported, sent by a tenant that must own it. */
    sealed interface OnReportedIssue extends IssueCommand {
        String tenantId();
    }

    /**
     * Move the issue's expectation: each part given replaces that part whole, a null part is kept.
     * {@code occurredAt} is the caller's moment for a revision recorded after the fact, or null for
     * {@code recordedAt}, the service's clock.
     */
    record ReviseExpectation(@TargetAggregateIdentifier String issueId, String tenantId, Who who, What what, When when,
                             Where where, How how, String reason, RequestedBy requestedBy, Instant occurredAt,
                             Instant recordedAt) implements OnReportedIssue {
    }

    /** Link the issue to the ticket that tracks it in a PSA tool. */
    record LinkPsaTicket(@TargetAggregateIdentifier String issueId, String tenantId, PsaTool psa,
                         String externalTicketId, String url, Instant linkedAt) implements OnReportedIssue {
    }
}
