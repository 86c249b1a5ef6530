package io.trustline.incident.publishing;

import io.trustline.incident.api.ActionPlanCompleted;
import io.trustline.incident.api.ActionPlanIssued;
import io.trustline.incident.api.ClientChasedUpdate;
import io.trustline.incident.api.ExpectationMet;
import io.trustline.incident.api.ExpectationMissed;
import io.trustline.incident.api.IncidentEventTypes;
import io.trustline.incident.api.IncidentOpened;
import io.trustline.incident.api.IncidentTopics;
import io.trustline.incident.api.IssueAcknowledged;
import io.trustline.incident.api.IssueReopened;
import io.trustline.incident.api.IssueResolved;
import io.trustline.incident.api.MiscommunicationRecorded;
import io.trustline.incident.api.ProactiveUpdateOverdue;
import io.trustline.incident.api.ProactiveUpdateSent;
import io.trustline.incident.api.PsaSource;
import io.trustline.incident.api.ResolutionConfirmed;
import io.trustline.incident.api.ResponseTargetMissed;
import io.trustline.incident.api.ResponseTargetsSet;
import io.trustline.incident.api.ServiceDisruptionAdmitted;
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
                    new ActionPlanIssued(e.tenantId(), e.clientId(), e.issueId(), e.issuedAt(), e.steps(), e.owner(), e.eta(), source(e.source())));
        }
        if (payload instanceof IncidentEvent.IssueAcknowledged e) {
            return new IntegrationEvent(IncidentEventTypes.ISSUE_ACKNOWLEDGED, e.tenantId(), e.clientId(), e.occurredAt(),
                    new IssueAcknowledged(e.tenantId(), e.clientId(), e.issueId(), e.occurredAt(), e.by(), e.note(), source(e.source())));
        }
        if (payload instanceof IncidentEvent.ActionPlanCompleted e) {
            return new IntegrationEvent(IncidentEventTypes.ACTION_PLAN_COMPLETED, e.tenantId(), e.clientId(), e.occurredAt(),
                    new ActionPlanCompleted(e.tenantId(), e.clientId(), e.issueId(), e.occurredAt(), e.note()));
        }
        if (payload instanceof IncidentEvent.ProactiveUpdateSent e) {
            return new IntegrationEvent(IncidentEventTypes.PROACTIVE_UPDATE_SENT, e.tenantId(), e.clientId(), e.occurredAt(),
                    new ProactiveUpdateSent(e.tenantId(), e.clientId(), e.issueId(), e.occurredAt(), e.message(), e.channel(),
                            source(e.source())));
        }
        if (payload instanceof IncidentEvent.ClientChasedUpdate e) {
            return new IntegrationEvent(IncidentEventTypes.CLIENT_CHASED_UPDATE, e.tenantId(), e.clientId(), e.occurredAt(),
                    new ClientChasedUpdate(e.tenantId(), e.clientId(), e.issueId(), e.occurredAt(), e.channel(), e.asked()));
        }
        if (payload instanceof IncidentEvent.ServiceDisruptionAdmitted e) {
            return new IntegrationEvent(IncidentEventTypes.SERVICE_DISRUPTION_ADMITTED, e.tenantId(), e.clientId(), e.occurredAt(),
                    new ServiceDisruptionAdmitted(e.tenantId(), e.clientId(), e.issueId(), e.occurredAt(), e.discovery(), e.whatHappened()));
        }
        if (payload instanceof IncidentEvent.MiscommunicationRecorded e) {
            return new IntegrationEvent(IncidentEventTypes.MISCOMMUNICATION_RECORDED, e.tenantId(), e.clientId(), e.occurredAt(),
                    new MiscommunicationRecorded(e.tenantId(), e.clientId(), e.issueId(), e.occurredAt(), e.misunderstanding(), e.misunderstoodBy()));
        }
        if (payload instanceof IncidentEvent.IssueResolved e) {
            return new IntegrationEvent(IncidentEventTypes.ISSUE_RESOLVED, e.tenantId(), e.clientId(), e.occurredAt(),
                    new IssueResolved(e.tenantId(), e.clientId(), e.issueId(), e.occurredAt(), e.summary(), source(e.source())));
        }
        if (payload instanceof IncidentEvent.ResolutionConfirmed e) {
            return new IntegrationEvent(IncidentEventTypes.RESOLUTION_CONFIRMED, e.tenantId(), e.clientId(), e.occurredAt(),
                    new ResolutionConfirmed(e.tenantId(), e.clientId(), e.issueId(), e.occurredAt(), e.howCriteriaMet(), e.checks(), e.comment()));
        }
        if (payload instanceof IncidentEvent.IssueReopened e) {
            return new IntegrationEvent(IncidentEventTypes.ISSUE_REOPENED, e.tenantId(), e.clientId(), e.occurredAt(),
                    new IssueReopened(e.tenantId(), e.clientId(), e.issueId(), e.occurredAt(), e.reason(), source(e.source())));
        }
        if (payload instanceof IncidentEvent.ResponseTargetsSet e) {
            return new IntegrationEvent(IncidentEventTypes.RESPONSE_TARGETS_SET, e.tenantId(), e.clientId(), e.occurredAt(),
                    new ResponseTargetsSet(e.tenantId(), e.clientId(), e.issueId(), e.occurredAt(), e.acknowledgeBy(),
                            e.planBy(), e.updateEvery(), e.resolveBy(), e.policyVersion()));
        }
        if (payload instanceof IncidentEvent.ResponseTargetMissed e) {
            return new IntegrationEvent(IncidentEventTypes.RESPONSE_TARGET_MISSED, e.tenantId(), e.clientId(), e.occurredAt(),
                    new ResponseTargetMissed(e.tenantId(), e.clientId(), e.issueId(), e.occurredAt(), e.phase()));
        }
        if (payload instanceof IncidentEvent.ProactiveUpdateOverdue e) {
            return new IntegrationEvent(IncidentEventTypes.PROACTIVE_UPDATE_OVERDUE, e.tenantId(), e.clientId(), e.occurredAt(),
                    new ProactiveUpdateOverdue(e.tenantId(), e.clientId(), e.issueId(), e.occurredAt(), e.since(), e.updateEvery()));
        }
        if (payload instanceof IncidentEvent.ExpectationMet e) {
            return new IntegrationEvent(IncidentEventTypes.EXPECTATION_MET, e.tenantId(), e.clientId(), e.occurredAt(),
                    new ExpectationMet(e.tenantId(), e.clientId(), e.issueId(), e.occurredAt(), e.resolveBy(), e.resolvedAt()));
        }
        if (payload instanceof IncidentEvent.ExpectationMissed e) {
            return new IntegrationEvent(IncidentEventTypes.EXPECTATION_MISSED, e.tenantId(), e.clientId(), e.occurredAt(),
                    new ExpectationMissed(e.tenantId(), e.clientId(), e.issueId(), e.occurredAt(), e.dimensions(),
                            e.resolveBy(), e.resolvedAt()));
        }
        throw new IllegalArgumentException("incident does not publish " + payload.getClass().getName());
    }

    /** Other services learn which PSA ticket told it; how the incident keeps its PSA history stays inside. */
    private static PsaSource source(IncidentEvent.PsaOrigin origin) {
        return origin == null ? null : new PsaSource(origin.psa(), origin.externalTicketId());
    }
}
