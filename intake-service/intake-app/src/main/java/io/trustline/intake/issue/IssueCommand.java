package io.trustline.intake.issue;

import io.trustline.intake.api.Expectation;
import io.trustline.intake.api.Priority;
import io.trustline.intake.api.How;
import io.trustline.intake.api.PsaNote;
import io.trustline.intake.api.PsaTicketRef;
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

    /**
     * Record what a PSA webhook says about the ticket the issue is ({@link PsaTickets#issueIdFor}): its first change
     * reports the issue, later ones update the ticket's milestones. {@code clientId} is the integration's mapping of
     * the ticket's company, null when the webhook named no company (only a ticket already an issue is then updated).
     */
    record RecordPsaTicketChange(@TargetAggregateIdentifier String issueId, String tenantId, String clientId,
                                 PsaTicketFacts ticket, Instant recordedAt) implements IssueCommand {
    }

    /**
     * The ticket as one webhook describes it, in Trustline's words; a null field was not sent and keeps what is
     * known. {@code sequence} orders the changes when the PSA numbers them, else {@code changedAt} does.
     */
    record PsaTicketFacts(PsaTool psa, String externalTicketId, String deliveryId, Long sequence, Instant changedAt,
                          Instant createdAt, String summary, String description, Priority priority, Reporter contact,
                          String status, Instant respondedAt, Instant planAt, Instant resolvedAt,
                          boolean resolutionWithdrawn, PsaNote note) {
    }

    /** Commands on an issue already reported, sent by a tenant that must own it. */
    sealed interface OnReportedIssue extends IssueCommand {
        String tenantId();
    }

    /** Record the client's expectation of an issue that was reported without one (from a PSA ticket). */
    record SetExpectation(@TargetAggregateIdentifier String issueId, String tenantId, Expectation expectation,
                          Instant setAt) implements OnReportedIssue {
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
