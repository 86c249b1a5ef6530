package io.trustline.intake.issue;

import io.trustline.intake.api.Expectation;
import io.trustline.intake.api.Priority;
import io.trustline.intake.api.PsaNote;
import io.trustline.intake.api.PsaTicketRef;
import io.trustline.intake.api.PsaTool;
import io.trustline.intake.api.Reporter;
import io.trustline.intake.api.RequestedBy;
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

    /**
     * The expectation moved from {@code before} to {@code after} (never equal). {@code askedBeforeDeadline}: the
     * revision was asked for at or before {@code before}'s resolveBy.
     */
    @Revision("1")
    record ExpectationRevised(String issueId, String tenantId, String clientId, Expectation before, Expectation after,
                              String reason, RequestedBy requestedBy, Boolean askedBeforeDeadline, Instant occurredAt)
            implements IssueEvent {
    }

    @Revision("1")
    record PsaTicketLinked(String issueId, String tenantId, String clientId, PsaTool psa, String externalTicketId,
                           String url, Instant linkedAt) implements IssueEvent {
    }

    /**
     * The PSA ticket the issue is, as known after one webhook: its status and milestones (a milestone not sent is
     * kept, {@code resolvedAt} null again after a reopen), the customer-facing note the change added. The delivery
     * id, the PSA's sequence and {@code changedAt} let the issue refuse redeliveries and older changes.
     */
    @Revision("1")
    record PsaTicketUpdated(String issueId, String tenantId, String clientId, PsaTool psa, String externalTicketId,
                            String deliveryId, Long sequence, Instant changedAt, String status, Instant respondedAt,
                            Instant planAt, Instant resolvedAt, PsaNote note, Instant recordedAt) implements IssueEvent {
    }
}
