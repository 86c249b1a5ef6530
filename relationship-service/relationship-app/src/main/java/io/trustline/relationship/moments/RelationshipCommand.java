package io.trustline.relationship.moments;

import io.trustline.relationship.api.MeetingKind;
import io.trustline.relationship.api.Money;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Commands that record a moment of a client relationship. {@code occurredAt} is the moment the caller gave for
 * something recorded after the fact, or null for "now"; {@code recordedAt} is the service's clock.
 */
public sealed interface RelationshipCommand {

    String tenantId();

    String clientId();

    Instant occurredAt();

    Instant recordedAt();

    /** Client ids are the tenant's own, so two tenants may both have an {@code acme}: the tenant is part of the id. */
    @TargetAggregateIdentifier
    default String relationshipId() {
        return ClientRelationship.idOf(tenantId(), clientId());
    }

    /** The provider met the client (seed 002). */
    record RecordMeeting(String tenantId, String clientId, MeetingKind kind, boolean faceToFace, List<String> attendees,
                         String notes, Instant occurredAt, Instant recordedAt) implements RelationshipCommand {
    }

    /** Meet the client at least every {@code everyDays} days from now on. The cadence in force again changes nothing. */
    record AgreeMeetingCadence(String tenantId, String clientId, int everyDays, Instant occurredAt, Instant recordedAt)
            implements RelationshipCommand {
    }

    /** The client turned a competitor down (seed 004). */
    record RecordDeclinedOffer(String tenantId, String clientId, String competitor, String offer, String clientWords,
                               Instant occurredAt, Instant recordedAt) implements RelationshipCommand {
    }

    /** The client renewed for {@code termMonths}; {@code value} null when not recorded. */
    record RecordContractRenewal(String tenantId, String clientId, int termMonths, Money value, Instant occurredAt,
                                 Instant recordedAt) implements RelationshipCommand {
    }

    /** The client referred someone to the provider. */
    record RecordReferral(String tenantId, String clientId, String referred, Instant occurredAt, Instant recordedAt)
            implements RelationshipCommand {
    }

    /** Someone at the provider did something personal for the client (seed 000). */
    record RecordGoodwillGesture(String tenantId, String clientId, String gesture, String by, Instant occurredAt,
                                 Instant recordedAt) implements RelationshipCommand {
    }

    /** A CSAT or an NPS score, exactly one of them; {@code issueId} null for the relationship as a whole. */
    record RecordFeedback(String tenantId, String clientId, Integer csat, Integer nps, String comment, String issueId,
                          Instant occurredAt, Instant recordedAt) implements RelationshipCommand {
    }
}
