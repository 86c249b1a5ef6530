package io.trustline.relationship.moments;

import io.trustline.relationship.api.MeetingKind;
import io.trustline.relationship.api.Money;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Stored domain events of a client relationship; translated to {@code relationship-api} events for other
 * services. {@code occurredAt} is the caller's moment for something recorded after the fact, otherwise when it
 * was recorded.
 */
public sealed interface RelationshipEvent {

    String tenantId();

    String clientId();

    Instant occurredAt();

    @Revision("1")
    record MeetingHeld(String tenantId, String clientId, MeetingKind kind, boolean faceToFace, List<String> attendees,
                       String notes, Instant occurredAt) implements RelationshipEvent {

        public MeetingHeld {
            attendees = List.copyOf(attendees);
        }
    }

    @Revision("1")
    record MeetingCadenceAgreed(String tenantId, String clientId, int everyDays, Instant occurredAt)
            implements RelationshipEvent {
    }

    @Revision("1")
    record CompetitorOfferDeclined(String tenantId, String clientId, String competitor, String offer,
                                   String clientWords, Instant occurredAt) implements RelationshipEvent {
    }

    @Revision("1")
    record ContractRenewed(String tenantId, String clientId, int termMonths, Money value, Instant occurredAt)
            implements RelationshipEvent {
    }

    @Revision("1")
    record ReferralGiven(String tenantId, String clientId, String referred, Instant occurredAt)
            implements RelationshipEvent {
    }

    @Revision("1")
    record GoodwillGesture(String tenantId, String clientId, String gesture, String by, Instant occurredAt)
            implements RelationshipEvent {
    }

    @Revision("1")
    record FeedbackReceived(String tenantId, String clientId, Integer csat, Integer nps, String comment,
                            String issueId, Instant occurredAt) implements RelationshipEvent {
    }
}
