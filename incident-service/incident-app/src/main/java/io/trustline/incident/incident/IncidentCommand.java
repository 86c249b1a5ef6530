package io.trustline.incident.incident;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the provider's response to a reported issue. */
public sealed interface IncidentCommand {

    /** Start tracking the response to an issue intake reported. Idempotent: an open incident stays as it is. */
    record OpenIncident(@TargetAggregateIdentifier String issueId, String tenantId, String clientId, String summary,
                        Instant openedAt) implements IncidentCommand {
    }

    /** Tell the client what will be done, by whom and by when (seed 004: give the action plan). */
    record IssueActionPlan(@TargetAggregateIdentifier String issueId, String tenantId, List<String> steps, String owner,
                           Instant eta, Instant issuedAt) implements IncidentCommand {
    }
}
