package io.trustline.intake.notice;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.trustline.intake.notice.AdvanceNoticeCommand.FulfilAdvanceNotice;
import io.trustline.intake.notice.AdvanceNoticeCommand.GiveAdvanceNotice;
import io.trustline.intake.notice.AdvanceNoticeCommand.OnGivenNotice;
import io.trustline.intake.notice.AdvanceNoticeEvent.AdvanceNoticeFulfilled;
import io.trustline.intake.notice.AdvanceNoticeEvent.AdvanceNoticeGiven;
import io.trustline.platform.command.IdempotencyLedger;
import io.trustline.platform.command.IdempotentCommands;
import io.trustline.platform.domain.CommandNotAllowed;
import io.trustline.platform.domain.TenantOwnership;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A client's advance notice (seed 001: "new hire starts Monday" told a week ahead rather than on Monday morning): what
 * is coming, when it must be ready, and whether we delivered it in time. Fulfilled once.
 */
public class AdvanceNotice {

    /** The state callers see: a notice is GIVEN until it is FULFILLED. */
    public enum State { GIVEN, FULFILLED }

    @AggregateIdentifier
    private String noticeId;
    private String tenantId;
    private String clientId;
    private String summary;
    private Instant givenAt;
    private Instant neededBy;
    private Instant fulfilledAt;
    @AggregateMember
    private final IdempotencyLedger ledger = new IdempotencyLedger();

    protected AdvanceNotice() {
        // for Axon's event sourcing
    }

    /**
     * @throws InvalidNotice when {@code givenAt} is in the future or {@code neededBy} is not after it
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    AdvanceNoticeGiven handle(GiveAdvanceNotice command) {
        Instant at = command.givenAt() == null ? command.recordedAt() : command.givenAt();
        if (at.isAfter(command.recordedAt())) {
            throw new InvalidNotice("givenAt", "is in the future (now " + command.recordedAt() + ").");
        }
        if (!command.neededBy().isAfter(at)) {
            throw new InvalidNotice("neededBy", "is not after the notice is given (" + at
                    + "); a notice announces something still to come.");
        }
        AdvanceNoticeGiven given = new AdvanceNoticeGiven(command.noticeId(), command.tenantId(), command.clientId(),
                command.summary(), at, command.neededBy());
        apply(given);
        return given;
    }

    /** A retry with an {@code Idempotency-Key} this notice answered before gets that first answer, nothing new. */
    @CommandHandlerInterceptor
    Object answerARetry(CommandMessage<?> message, InterceptorChain chain) throws Exception {
        if (message.getPayload() instanceof OnGivenNotice command && IdempotentCommands.key(message.getMetaData()) != null) {
            // before the ledger: another tenant's key must not learn that this notice exists, let alone its answers
            TenantOwnership.requireSameTenant(owner(), command.tenantId(), "advance notice", noticeId);
            Optional<IdempotentCommands.Replayed> first = ledger.replay(message.getMetaData(), "advance notice", noticeId);
            if (first.isPresent()) {
                return first.get();
            }
        }
        return chain.proceed();
    }

    /**
     * @throws CommandNotAllowed when the notice is fulfilled already
     * @throws InvalidNotice     when {@code fulfilledAt} is in the future or before the notice was given
     */
    @CommandHandler
    AdvanceNoticeFulfilled handle(FulfilAdvanceNotice command) {
        TenantOwnership.requireSameTenant(owner(), command.tenantId(), "advance notice", command.noticeId());
        if (fulfilledAt != null) {
            throw new CommandNotAllowed(State.FULFILLED.name(), List.of(), "Advance notice " + noticeId
                    + " was fulfilled at " + fulfilledAt + "; a notice is fulfilled once.");
        }
        if (command.fulfilledAt().isAfter(command.recordedAt())) {
            throw new InvalidNotice("fulfilledAt", "is in the future (now " + command.recordedAt() + ").");
        }
        if (command.fulfilledAt().isBefore(givenAt)) {
            throw new InvalidNotice("fulfilledAt", "is before the notice was given (" + givenAt + ").");
        }
        AdvanceNoticeFulfilled fulfilled = new AdvanceNoticeFulfilled(noticeId, tenantId, clientId, summary, givenAt,
                neededBy, command.fulfilledAt(), command.note());
        apply(fulfilled);
        return fulfilled;
    }

    // a stream of another aggregate type under this id leaves the tenant unset: it is no notice of anyone's
    private String owner() {
        return tenantId == null ? "" : tenantId;
    }

    @EventSourcingHandler
    void on(AdvanceNoticeGiven event) {
        this.noticeId = event.noticeId();
        this.tenantId = event.tenantId();
        this.clientId = event.clientId();
        this.summary = event.summary();
        this.givenAt = event.givenAt();
        this.neededBy = event.neededBy();
    }

    @EventSourcingHandler
    void on(AdvanceNoticeFulfilled event) {
        this.fulfilledAt = event.fulfilledAt();
    }
}
