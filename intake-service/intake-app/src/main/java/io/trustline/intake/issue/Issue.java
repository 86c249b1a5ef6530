package io.trustline.intake.issue;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.trustline.intake.issue.IssueCommand.ReportIssue;
import io.trustline.intake.issue.IssueEvent.ExpectationSet;
import io.trustline.intake.issue.IssueEvent.IssueReported;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/** An issue a client reported, with the expectation agreed for it. */
public class Issue {

    @AggregateIdentifier
    private String issueId;

    protected Issue() {
        // for Axon's event sourcing
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(ReportIssue command) {
        apply(new IssueReported(command.issueId(), command.tenantId(), command.clientId(), command.summary(),
                command.description(), command.reportedBy(), command.channel(), command.psaTicket(),
                command.priority(), command.reportedAt()));
        // seed 001: the expectation is asked for and recorded with the report, before work starts
        apply(new ExpectationSet(command.issueId(), command.tenantId(), command.clientId(), command.expectation(),
                command.reportedAt()));
    }

    @EventSourcingHandler
    void on(IssueReported event) {
        this.issueId = event.issueId();
    }
}
