package io.trustline.incident.incident;

import java.time.Instant;
import java.util.List;

/**
 * An incident as the API shows it; {@code actionPlan} is null until one was issued. The answer to a new
 * action plan carries only what that command knows ({@code summary} and {@code openedAt} are on GET).
 */
public record IncidentDetails(String issueId, String clientId, String summary, Instant openedAt, ActionPlan actionPlan) {

    /** The latest action plan given to the client. */
    public record ActionPlan(List<String> steps, String owner, Instant eta, Instant issuedAt) {

        static ActionPlan of(IncidentEvent.ActionPlanIssued issued) {
            return new ActionPlan(issued.steps(), issued.owner(), issued.eta(), issued.issuedAt());
        }
    }

    /** The incident as far as an action plan just stored tells it; the rest is on GET. */
    static IncidentDetails withIssued(IncidentEvent.ActionPlanIssued issued) {
        return new IncidentDetails(issued.issueId(), issued.clientId(), null, null, ActionPlan.of(issued));
    }

}
