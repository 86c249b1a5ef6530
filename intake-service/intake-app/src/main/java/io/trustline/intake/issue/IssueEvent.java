package io.trustline.intake.issue;

import io.trustline.intake.api.Expectation;
import io.trustline.intake.api.Priority;
import io.trustline.intake.api.PsaTicketRef;
import io.trustline.intake.api.Reporter;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Stored domain events of a reported issue. They stay inside intake; the publisher translates them into
 * the {@code intake-api} events. They reuse the api's value types (reporter, expectation) on purpose:
 * those are versioned contracts already, and a breaking change to them would get an upcaster here.
 */
public sealed interface IssueEvent {

    String issueId();

    String tenantId();

    String clientId();

    @Revision("1")
    record IssueReported(String issueId, String tenantId, String clientId, String summary, String description,
                         Reporter reportedBy, String channel, PsaTicketRef psaTicket, Priority priority,
                         Instant reportedAt) implements IssueEvent {
    }

    @Revision("1")
    record ExpectationSet(String issueId, String tenantId, String clientId, Expectation expectation, Instant setAt)
            implements IssueEvent {
    }
}
