package io.trustline.incident.incident;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Stored domain events of an incident; translated to {@code incident-api} events for other services. */
public sealed interface IncidentEvent {

    String issueId();

    String tenantId();

    String clientId();

    @Revision("1")
    record IncidentOpened(String issueId, String tenantId, String clientId, String summary, Instant openedAt)
            implements IncidentEvent {
    }

    @Revision("1")
    record ActionPlanIssued(String issueId, String tenantId, String clientId, List<String> steps, String owner,
                            Instant eta, Instant issuedAt) implements IncidentEvent {

        public ActionPlanIssued {
            steps = List.copyOf(steps);
        }
    }
}
