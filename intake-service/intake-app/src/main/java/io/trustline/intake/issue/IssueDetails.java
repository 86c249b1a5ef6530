package io.trustline.intake.issue;

import io.trustline.intake.api.Expectation;
import io.trustline.intake.api.Priority;
import io.trustline.intake.api.PsaTicketRef;
import io.trustline.intake.api.Reporter;
import java.time.Instant;

/** A reported issue as the API shows it. */
public record IssueDetails(String issueId, String clientId, String summary, String description, Reporter reportedBy,
                           String channel, PsaTicketRef psaTicket, Priority priority, Expectation expectation,
                           Instant reportedAt) {

    /** The issue as a report that was just stored makes it. */
    static IssueDetails reported(IssueCommand.ReportIssue command) {
        return new IssueDetails(command.issueId(), command.clientId(), command.summary(), command.description(),
                command.reportedBy(), command.channel(), command.psaTicket(), command.priority(), command.expectation(),
                command.reportedAt());
    }

    static IssueDetails of(IssueEvent.IssueReported event) {
        return new IssueDetails(event.issueId(), event.clientId(), event.summary(), event.description(),
                event.reportedBy(), event.channel(), event.psaTicket(), event.priority(), null, event.reportedAt());
    }

    IssueDetails withExpectation(Expectation agreed) {
        return new IssueDetails(issueId, clientId, summary, description, reportedBy, channel, psaTicket, priority,
                agreed, reportedAt);
    }
}
