package io.trustline.intake.issue;

import io.trustline.intake.api.Expectation;
import io.trustline.intake.api.Priority;
import io.trustline.intake.api.PsaTicketRef;
import io.trustline.intake.api.Reporter;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of a reported issue. */
public sealed interface IssueCommand {

    /** Record a client's issue together with what the client expects, before any work starts. */
    record ReportIssue(@TargetAggregateIdentifier String issueId, String tenantId, String clientId, String summary,
                       String description, Reporter reportedBy, String channel, PsaTicketRef psaTicket,
                       Priority priority, Expectation expectation, Instant reportedAt) implements IssueCommand {
    }
}
