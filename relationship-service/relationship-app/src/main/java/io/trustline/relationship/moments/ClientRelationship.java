package io.trustline.relationship.moments;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.trustline.platform.command.IdempotencyLedger;
import io.trustline.platform.command.IdempotentCommands;
import io.trustline.platform.domain.TenantOwnership;
import io.trustline.relationship.moments.RelationshipCommand.AgreeMeetingCadence;
import io.trustline.relationship.moments.RelationshipCommand.RecordContractRenewal;
import io.trustline.relationship.moments.RelationshipCommand.RecordDeclinedOffer;
import io.trustline.relationship.moments.RelationshipCommand.RecordFeedback;
import io.trustline.relationship.moments.RelationshipCommand.RecordGoodwillGesture;
import io.trustline.relationship.moments.RelationshipCommand.RecordMeeting;
import io.trustline.relationship.moments.RelationshipCommand.RecordReferral;
import io.trustline.relationship.moments.RelationshipEvent.CompetitorOfferDeclined;
import io.trustline.relationship.moments.RelationshipEvent.ContractRenewed;
import io.trustline.relationship.moments.RelationshipEvent.FeedbackReceived;
import io.trustline.relationship.moments.RelationshipEvent.GoodwillGesture;
import io.trustline.relationship.moments.RelationshipEvent.MeetingCadenceAgreed;
import io.trustline.relationship.moments.RelationshipEvent.MeetingHeld;
import io.trustline.relationship.moments.RelationshipEvent.ReferralGiven;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The moments of one client's relationship with the provider; its id is the tenant's id and the client's
 * ({@link #idOf}). Any client id of the tenant may record a moment: the first one starts the relationship.
 *
 * <p>No moment is forbidden by what came before; a relationship has no states. Two rules hold: no moment lies
 * more than {@link #CLOCK_SKEW} ahead of the service's clock, and a meeting cadence agreed is the one in force
 * from then on, so one dated before the cadence in force is refused ({@link OccurredAtOutOfRange}) and the
 * cadence in force agreed again records nothing and answers the agreement in force. Each command handler answers
 * the {@link RecordedMoment} it stored.
 *
 * <p>A moment sent again with the same {@code Idempotency-Key} is answered with what the key first stored, and
 * nothing is applied; with another request it is refused with
 * {@link io.trustline.platform.command.IdempotencyKeyReusedException}.
 */
public class ClientRelationship {

    /** How far ahead of our clock a caller's {@code occurredAt} may be: their clock may run a little fast. */
    static final int CLOCK_SKEW_MINUTES = 2;
    static final Duration CLOCK_SKEW = Duration.ofMinutes(CLOCK_SKEW_MINUTES);
    private static final String RESOURCE = "client";

    @AggregateIdentifier
    private String relationshipId;
    private String tenantId;
    private RecordedMoment lastRecorded;
    private RecordedMoment cadenceInForce;
    private final IdempotencyLedger ledger = new IdempotencyLedger();

    protected ClientRelationship() {
        // for Axon's event sourcing and CREATE_IF_MISSING
    }

    /** The aggregate id of a tenant's client; {@code |} cannot occur in either id. */
    static String idOf(String tenantId, String clientId) {
        return tenantId + "|" + clientId;
    }

    @CommandHandlerInterceptor
    Object answerARetry(CommandMessage<?> message, InterceptorChain chain) throws Exception {
        if (message.getPayload() instanceof RelationshipCommand command
                && IdempotentCommands.key(message.getMetaData()) != null) {
            TenantOwnership.requireSameTenant(owner(command), command.tenantId(), RESOURCE, command.clientId());
            Optional<IdempotentCommands.Replayed> first = ledger.replay(message.getMetaData(), RESOURCE, command.clientId());
            if (first.isPresent()) {
                return first.get();
            }
        }
        return chain.proceed();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RecordedMoment handle(RecordMeeting command) {
        TenantOwnership.requireSameTenant(owner(command), command.tenantId(), RESOURCE, command.clientId());
        return record(new MeetingHeld(command.tenantId(), command.clientId(), command.kind(), command.faceToFace(),
                command.attendees(), command.notes(), momentOf(command)));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RecordedMoment handle(AgreeMeetingCadence command) {
        TenantOwnership.requireSameTenant(owner(command), command.tenantId(), RESOURCE, command.clientId());
        Instant at = momentOf(command);
        if (cadenceInForce != null) {
            MeetingCadenceAgreed inForce = (MeetingCadenceAgreed) cadenceInForce.moment();
            if (inForce.everyDays() == command.everyDays()) {
                return cadenceInForce;
            }
            if (at.isBefore(inForce.occurredAt())) {
                throw new OccurredAtOutOfRange("lies before the meeting cadence in force (every " + inForce.everyDays()
                        + " days, agreed at " + inForce.occurredAt() + "); a cadence agreed earlier was never in force.");
            }
        }
        return record(new MeetingCadenceAgreed(command.tenantId(), command.clientId(), command.everyDays(), at));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RecordedMoment handle(RecordDeclinedOffer command) {
        TenantOwnership.requireSameTenant(owner(command), command.tenantId(), RESOURCE, command.clientId());
        return record(new CompetitorOfferDeclined(command.tenantId(), command.clientId(), command.competitor(),
                command.offer(), command.clientWords(), momentOf(command)));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RecordedMoment handle(RecordContractRenewal command) {
        TenantOwnership.requireSameTenant(owner(command), command.tenantId(), RESOURCE, command.clientId());
        return record(new ContractRenewed(command.tenantId(), command.clientId(), command.termMonths(), command.value(),
                momentOf(command)));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RecordedMoment handle(RecordReferral command) {
        TenantOwnership.requireSameTenant(owner(command), command.tenantId(), RESOURCE, command.clientId());
        return record(new ReferralGiven(command.tenantId(), command.clientId(), command.referred(), momentOf(command)));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RecordedMoment handle(RecordGoodwillGesture command) {
        TenantOwnership.requireSameTenant(owner(command), command.tenantId(), RESOURCE, command.clientId());
        return record(new GoodwillGesture(command.tenantId(), command.clientId(), command.gesture(), command.by(),
                momentOf(command)));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RecordedMoment handle(RecordFeedback command) {
        TenantOwnership.requireSameTenant(owner(command), command.tenantId(), RESOURCE, command.clientId());
        return record(new FeedbackReceived(command.tenantId(), command.clientId(), command.csat(), command.nps(),
                command.comment(), command.issueId(), momentOf(command)));
    }

    /** The relationship's tenant; a relationship that does not exist yet is the command's to start. */
    private String owner(RelationshipCommand command) {
        return relationshipId == null ? command.tenantId() : tenantId;
    }

    private static Instant momentOf(RelationshipCommand command) {
        if (command.occurredAt() == null) {
            return command.recordedAt();
        }
        if (command.occurredAt().isAfter(command.recordedAt().plus(CLOCK_SKEW))) {
            throw new OccurredAtOutOfRange("lies in the future: it may be at most " + CLOCK_SKEW_MINUTES
                    + " minutes ahead of " + command.recordedAt() + ".");
        }
        return command.occurredAt();
    }

    /** Applies the moment; its event sourcing handler, run by {@code apply} at once, knows the event's id. */
    private RecordedMoment record(RelationshipEvent moment) {
        apply(moment);
        return lastRecorded;
    }

    @EventSourcingHandler
    void on(RelationshipEvent moment, MetaData metaData, @MessageIdentifier String eventId) {
        relationshipId = idOf(moment.tenantId(), moment.clientId());
        tenantId = moment.tenantId();
        lastRecorded = new RecordedMoment(eventId, moment);
        if (moment instanceof MeetingCadenceAgreed) {
            cadenceInForce = lastRecorded;
        }
        // fed here rather than as an @AggregateMember, so that a retry is answered with the event id as well
        ledger.remember(metaData, lastRecorded);
    }
}
