package io.trustline.intake.publishing;

import io.trustline.intake.api.AdvanceNoticeFulfilled;
import io.trustline.intake.api.AdvanceNoticeGiven;
import io.trustline.intake.api.ExpectationChanges;
import io.trustline.intake.api.ExpectationRevised;
import io.trustline.intake.api.ExpectationSet;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.api.IssueReported;
import io.trustline.intake.api.PsaTicketLinked;
import io.trustline.intake.api.PsaTicketUpdated;
import io.trustline.intake.issue.IssueEvent;
import io.trustline.intake.notice.AdvanceNoticeEvent;
import io.trustline.platform.relay.IntegrationEvent;
import io.trustline.platform.relay.IntegrationEventTranslator;
import jakarta.enterprise.context.ApplicationScoped;

/** Stored intake events → {@code intake-api} events on {@link IntakeTopics#EVENTS}. */
@ApplicationScoped
public class IntakeEventsTranslator implements IntegrationEventTranslator {

    @Override
    public String topic() {
        return IntakeTopics.EVENTS;
    }

    @Override
    public IntegrationEvent translate(Object payload) {
        if (payload instanceof IssueEvent.IssueReported e) {
            return new IntegrationEvent(IntakeEventTypes.ISSUE_REPORTED, e.tenantId(), e.clientId(), e.reportedAt(),
                    new IssueReported(e.tenantId(), e.clientId(), e.issueId(), e.reportedAt(), e.summary(),
                            e.description(), e.reportedBy(), e.channel(), e.psaTicket(), e.priority()));
        }
        if (payload instanceof IssueEvent.ExpectationSet e) {
            return new IntegrationEvent(IntakeEventTypes.EXPECTATION_SET, e.tenantId(), e.clientId(), e.setAt(),
                    new ExpectationSet(e.tenantId(), e.clientId(), e.issueId(), e.setAt(), e.expectation()));
        }
        if (payload instanceof IssueEvent.ExpectationRevised e) {
            return new IntegrationEvent(IntakeEventTypes.EXPECTATION_REVISED, e.tenantId(), e.clientId(), e.occurredAt(),
                    new ExpectationRevised(e.tenantId(), e.clientId(), e.issueId(), e.occurredAt(),
                            ExpectationChanges.between(e.before(), e.after()), e.after(), e.reason(), e.requestedBy(),
                            e.askedBeforeDeadline()));
        }
        if (payload instanceof IssueEvent.PsaTicketLinked e) {
            return new IntegrationEvent(IntakeEventTypes.PSA_TICKET_LINKED, e.tenantId(), e.clientId(), e.linkedAt(),
                    new PsaTicketLinked(e.tenantId(), e.clientId(), e.issueId(), e.linkedAt(), e.psa(),
                            e.externalTicketId(), e.url()));
        }
        if (payload instanceof AdvanceNoticeEvent.AdvanceNoticeGiven e) {
            return new IntegrationEvent(IntakeEventTypes.ADVANCE_NOTICE_GIVEN, e.tenantId(), e.clientId(), e.givenAt(),
                    new AdvanceNoticeGiven(e.tenantId(), e.clientId(), e.noticeId(), e.givenAt(), e.summary(),
                            e.neededBy(), e.leadTime()));
        }
        if (payload instanceof AdvanceNoticeEvent.AdvanceNoticeFulfilled e) {
            return new IntegrationEvent(IntakeEventTypes.ADVANCE_NOTICE_FULFILLED, e.tenantId(), e.clientId(),
                    e.fulfilledAt(), new AdvanceNoticeFulfilled(e.tenantId(), e.clientId(), e.noticeId(),
                            e.fulfilledAt(), e.summary(), e.givenAt(), e.neededBy(), e.leadTime(), e.onTime(),
                            e.lateness(), e.note()));
        }
        if (payload instanceof IssueEvent.PsaTicketUpdated e) {
            return new IntegrationEvent(IntakeEventTypes.PSA_TICKET_UPDATED, e.tenantId(), e.clientId(), e.recordedAt(),
                    new PsaTicketUpdated(e.tenantId(), e.clientId(), e.issueId(), e.recordedAt(), e.psa(),
                            e.externalTicketId(), e.changedAt(), e.status(), e.respondedAt(), e.planAt(),
                            e.resolvedAt(), e.note()));
        }
        throw new IllegalArgumentException("intake does not publish " + payload.getClass().getName());
    }
}
