package io.trustline.platform.command;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;

/**
 * What one aggregate answered to each {@code Idempotency-Key}, rebuilt from the key and fingerprint its events
 * carry (see {@link IdempotentCommands}) and asked before a keyed command is handled. An aggregate holds one as
 * an {@code @AggregateMember}: Axon gives a member every event of the aggregate after the aggregate's own
 * handler, so the ledger never needs the aggregate's handlers to feed it and is exactly as old as the events.
 */
public final class IdempotencyLedger {

    private final Map<String, Entry> answers = new HashMap<>();

    @EventSourcingHandler
    void on(Object event, MetaData metaData) {
        remember(metaData, event);
    }

    /** Remembers the event as the answer to the key it carries; an event without a key answers nothing. */
    public void remember(Map<String, ?> eventMetaData, Object event) {
        String key = IdempotentCommands.key(eventMetaData);
        if (key != null) {
            // a command that stored several events is answered by the first
            answers.putIfAbsent(key, new Entry(IdempotentCommands.fingerprint(eventMetaData), event));
        }
    }

    /**
     * The first answer to the command's key, if the key was used here before.
     *
     * @throws IdempotencyKeyReusedException when the key was used here for another request
     */
    public Optional<IdempotentCommands.Replayed> replay(Map<String, ?> commandMetaData, String resourceKind,
                                                      String resourceId) {
        String key = IdempotentCommands.key(commandMetaData);
        Entry first = key == null ? null : answers.get(key);
        if (first == null) {
            return Optional.empty();
        }
        IdempotencyKeys.requireSameRequest(first.fingerprint().equals(IdempotentCommands.fingerprint(commandMetaData)),
                resourceKind, resourceId);
        return Optional.of(new IdempotentCommands.Replayed(first.event()));
    }

    private record Entry(String fingerprint, Object event) {
    }
}
