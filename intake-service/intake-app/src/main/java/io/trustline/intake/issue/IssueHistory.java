package io.trustline.intake.issue;

import io.trustline.intake.issue.IssueEvent.ExpectationSet;
import io.trustline.intake.issue.IssueEvent.IssueReported;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * An issue read back from its own stored events. A replayed report answers from here rather than from
 * the read model, which may not have caught up with a report stored a moment ago.
 */
@ApplicationScoped
class IssueHistory {

    private final EventStore events;

    @Inject
    IssueHistory(EventStore events) {
        this.events = events;
    }

    /**
     * The issue as it was reported, or empty when no issue has this id. Later revisions and links are left out on
     * purpose: a retried report is compared with, and answered by, what that report stored.
     */
    Optional<IssueDetails> find(String issueId) {
        IssueDetails details = null;
        for (DomainEventMessage<?> stored : events.readEvents(issueId).asStream().toList()) {
            if (stored.getPayload() instanceof IssueReported reported) {
                details = IssueDetails.of(reported);
            } else if (stored.getPayload() instanceof ExpectationSet expectation && details != null) {
                details = details.withExpectation(expectation.expectation());
            }
        }
        return Optional.ofNullable(details);
    }
}
