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

    IssueDetails withExpectation(Expectation agreed) {
        return new IssueDetails(issueId, clientId, summary, description, reportedBy, channel, psaTicket, priority,
                agreed, reportedAt);
    }
}
