package io.trustline.relationship.publishing;

import io.trustline.platform.relay.IntegrationEvent;
import io.trustline.platform.relay.IntegrationEventTranslator;
import io.trustline.relationship.api.CompetitorOfferDeclined;
import io.trustline.relationship.api.ContractRenewed;
import io.trustline.relationship.api.FeedbackReceived;
import io.trustline.relationship.api.GoodwillGesture;
import io.trustline.relationship.api.MeetingCadenceAgreed;
import io.trustline.relationship.api.MeetingHeld;
import io.trustline.relationship.api.ReferralGiven;
import io.trustline.relationship.api.RelationshipEventTypes;
import io.trustline.relationship.api.RelationshipTopics;
import io.trustline.relationship.moments.RelationshipEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** Stored relationship events → {@code relationship-api} events on {@link RelationshipTopics#EVENTS}. */
@ApplicationScoped
public class RelationshipEventsTranslator implements IntegrationEventTranslator {

    @Override
    public String topic() {
        return RelationshipTopics.EVENTS;
    }

    @Override
    public IntegrationEvent translate(Object payload) {
        if (payload instanceof RelationshipEvent.MeetingHeld e) {
            return published(RelationshipEventTypes.MEETING_HELD, e, new MeetingHeld(e.tenantId(), e.clientId(),
                    e.occurredAt(), e.kind(), e.faceToFace(), e.attendees(), e.notes()));
        }
        if (payload instanceof RelationshipEvent.MeetingCadenceAgreed e) {
            return published(RelationshipEventTypes.MEETING_CADENCE_AGREED, e, new MeetingCadenceAgreed(e.tenantId(),
                    e.clientId(), e.occurredAt(), e.everyDays()));
        }
        if (payload instanceof RelationshipEvent.CompetitorOfferDeclined e) {
            return published(RelationshipEventTypes.COMPETITOR_OFFER_DECLINED, e, new CompetitorOfferDeclined(
                    e.tenantId(), e.clientId(), e.occurredAt(), e.competitor(), e.offer(), e.clientWords()));
        }
        if (payload instanceof RelationshipEvent.ContractRenewed e) {
            return published(RelationshipEventTypes.CONTRACT_RENEWED, e, new ContractRenewed(e.tenantId(),
                    e.clientId(), e.occurredAt(), e.termMonths(), e.value()));
        }
        if (payload instanceof RelationshipEvent.ReferralGiven e) {
            return published(RelationshipEventTypes.REFERRAL_GIVEN, e, new ReferralGiven(e.tenantId(), e.clientId(),
                    e.occurredAt(), e.referred()));
        }
        if (payload instanceof RelationshipEvent.GoodwillGesture e) {
            return published(RelationshipEventTypes.GOODWILL_GESTURE, e, new GoodwillGesture(e.tenantId(),
                    e.clientId(), e.occurredAt(), e.gesture(), e.by()));
        }
        if (payload instanceof RelationshipEvent.FeedbackReceived e) {
            return published(RelationshipEventTypes.FEEDBACK_RECEIVED, e, new FeedbackReceived(e.tenantId(),
                    e.clientId(), e.occurredAt(), e.csat(), e.nps(), e.comment(), e.issueId()));
        }
        throw new IllegalArgumentException("relationship does not publish " + payload.getClass().getName());
    }

    private static IntegrationEvent published(String type, RelationshipEvent moment, Object data) {
        return new IntegrationEvent(type, moment.tenantId(), moment.clientId(), moment.occurredAt(), data);
    }
}
