package io.trustline.intake.notice;

import io.trustline.intake.notice.AdvanceNoticeEvent.AdvanceNoticeFulfilled;
import io.trustline.intake.notice.AdvanceNoticeEvent.AdvanceNoticeGiven;
import io.trustline.platform.command.IdempotencyLedger;
import io.trustline.platform.command.IdempotentCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * A notice read back from its own stored events, at most two. Reading them is as cheap as reading a document, and a
 * notice is shown exactly as stored the moment its command returns, so it needs no read model.
 */
@ApplicationScoped
class AdvanceNoticeHistory {

    private final EventStore events;

    @Inject
    AdvanceNoticeHistory(EventStore events) {
        this.events = events;
    }

    /** The notice as it stands, or empty when the tenant has no notice with this id. */
    Optional<AdvanceNoticeDetails> find(String tenantId, String noticeId) {
        AdvanceNoticeDetails details = null;
        for (DomainEventMessage<?> stored : ofTenant(tenantId, noticeId)) {
            if (stored.getPayload() instanceof AdvanceNoticeGiven given) {
                details = AdvanceNoticeDetails.given(given);
            } else if (stored.getPayload() instanceof AdvanceNoticeFulfilled fulfilled) {
                details = AdvanceNoticeDetails.fulfilled(fulfilled);
            }
        }
        return Optional.ofNullable(details);
    }

    /**
     * The notice as the first call with this command's {@code Idempotency-Key} gave it, or empty when no notice has
     * this id yet.
     *
     * @throws io.trustline.platform.command.IdempotencyKeyReusedException when the key was used for another notice
     */
    Optional<AdvanceNoticeDetails> firstAnswer(String tenantId, String noticeId, Map<String, ?> commandMetaData) {
        IdempotencyLedger ledger = new IdempotencyLedger();
        for (DomainEventMessage<?> stored : ofTenant(tenantId, noticeId)) {
            ledger.remember(stored.getMetaData(), stored.getPayload());
        }
        return ledger.replay(commandMetaData, "advance notice", noticeId)
                .map(IdempotentCommands.Replayed::answer)
                .filter(AdvanceNoticeGiven.class::isInstance)
                .map(given -> AdvanceNoticeDetails.given((AdvanceNoticeGiven) given));
    }

    private List<? extends DomainEventMessage<?>> ofTenant(String tenantId, String noticeId) {
        List<? extends DomainEventMessage<?>> stored = events.readEvents(noticeId).asStream().toList();
        boolean theTenantsNotice = !stored.isEmpty() && stored.get(0).getPayload() instanceof AdvanceNoticeGiven given
                && given.tenantId().equals(tenantId);
        return theTenantsNotice ? stored : List.of();
    }
}
