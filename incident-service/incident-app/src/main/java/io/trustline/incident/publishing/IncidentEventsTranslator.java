package io.trustline.incident.publishing;

import io.trustline.incident.api.ActionPlanIssued;
import io.trustline.incident.api.IncidentEventTypes;
import io.trustline.incident.api.IncidentOpened;
import io.trustline.incident.api.IncidentTopics;
import io.trustline.incident.incident.IncidentEvent;
import io.trustline.platform.relay.IntegrationEvent;
import io.trustline.platform.relay.IntegrationEventTranslator;
import jakarta.enterprise.context.ApplicationScoped;

/** Stored incident events → {@code incident-api} events on {@link IncidentTopics#EVENTS}. */
@ApplicationScoped
public class IncidentEventsTranslator implements IntegrationEventTranslator {

    @Override
    public String topic() {
        return IncidentTopics.EVENTS;
    }

    @Override
    public IntegrationEvent translate(Object payload) {
        if (payload instanceof IncidentEvent.IncidentOpened e) {
            return new IntegrationEvent(IncidentEventTypes.INCIDENT_OPENED, e.tenantId(), e.clientId(), e.openedAt(),
                    new IncidentOpened(e.tenantId(), e.clientId(), e.issueId(), e.openedAt(), e.summary()));
        }
        if (payload instanceof IncidentEvent.ActionPlanIssued e) {
            return new IntegrationEvent(IncidentEventTypes.ACTION_PLAN_ISSUED, e.tenantId(), e.clientId(), e.issuedAt(),
                    new ActionPlanIssued(e.tenantId(), e.clientId(), e.issueId(), e.issuedAt(), e.steps(), e.owner(), e.eta()));
        }
        throw new IllegalArgumentException("incident does not publish " + payload.getClass().getName());
    }
}
