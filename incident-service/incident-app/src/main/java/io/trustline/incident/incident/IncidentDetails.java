package io.trustline.incident.incident;

import java.time.Instant;
import java.util.List;

/** An incident as the API shows it; {@code actionPlan} is null until one was issued. */
public record IncidentDetails(String issueId, String clientId, String summary, Instant openedAt, ActionPlan actionPlan) {

    /** The latest action plan given to the client. */
    public record ActionPlan(List<String> steps, String owner, Instant eta, Instant issuedAt) {
    }

    IncidentDetails withActionPlan(ActionPlan plan) {
        return new IncidentDetails(issueId, clientId, summary, openedAt, plan);
    }
}
