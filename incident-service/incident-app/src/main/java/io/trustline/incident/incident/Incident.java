package io.trustline.incident.incident;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.trustline.incident.incident.IncidentCommand.IssueActionPlan;
import io.trustline.incident.incident.IncidentCommand.OpenIncident;
import io.trustline.incident.incident.IncidentEvent.ActionPlanIssued;
import io.trustline.incident.incident.IncidentEvent.IncidentOpened;
import io.trustline.platform.domain.TenantOwnership;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/** The provider's response to one reported issue; its id is the issue's id. */
public class Incident {

    @AggregateIdentifier
    private String issueId;
    private String tenantId;
    private String clientId;

    protected Incident() {
        // for Axon's event sourcing and CREATE_IF_MISSING
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenIncident command) {
        if (issueId != null) {
            TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "incident", command.issueId());
            // IssueReported delivered again: the incident is already open
            return;
        }
        apply(new IncidentOpened(command.issueId(), command.tenantId(), command.clientId(), command.summary(),
                command.openedAt()));
    }

    /** Returns the event it stored, so the caller can answer from it. */
    @CommandHandler
    ActionPlanIssued handle(IssueActionPlan command) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "incident", command.issueId());
        ActionPlanIssued issued = new ActionPlanIssued(issueId, tenantId, clientId, command.steps(), command.owner(),
                command.eta(), command.issuedAt());
        apply(issued);
        return issued;
    }

    @EventSourcingHandler
    void on(IncidentOpened event) {
        this.issueId = event.issueId();
        this.tenantId = event.tenantId();
        this.clientId = event.clientId();
    }
}
