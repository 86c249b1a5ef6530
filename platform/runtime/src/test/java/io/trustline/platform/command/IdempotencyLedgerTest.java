package io.trustline.platform.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdempotencyLedgerTest {

    record Resolve(String issueId, String summary, Instant recordedAt) {
    }

    record Reopen(String issueId, String summary, Instant recordedAt) {
    }

    record Body(String summary, Instant occurredAt) {
    }

    private static final Body BODY = new Body("fixed", null);

    private final IdempotencyLedger ledger = new IdempotencyLedger();

    @Test
    void theSameRequest_isAnsweredWithTheFirstEvent_whateverTheServicesClockSaysNow() {
        ledger.remember(metaData(new Resolve("i", "fixed", Instant.EPOCH), "k", BODY), "first event");

        assertThat(ledger.replay(metaData(new Resolve("i", "fixed", Instant.now()), "k", BODY), "incident", "i"))
                .contains(new IdempotentCommands.Replayed("first event"));
    }

    @Test
    void anotherBody_withTheSameKey_isRefusedNamingTheResource() {
        ledger.remember(metaData(new Resolve("i", "fixed", Instant.EPOCH), "k", BODY), "first event");

        assertThatThrownBy(() -> ledger.replay(metaData(new Resolve("i", "fixed", Instant.EPOCH), "k",
                new Body("fixed for real", null)), "incident", "i"))
                .isInstanceOf(IdempotencyKeyReusedException.class)
                .hasMessageContaining("incident 'i'");
    }

    @Test
    void theSameBody_forAnotherKindOfCommand_isAnotherRequest() {
        ledger.remember(metaData(new Resolve("i", "fixed", Instant.EPOCH), "k", BODY), "first event");

        assertThatThrownBy(() -> ledger.replay(metaData(new Reopen("i", "fixed", Instant.EPOCH), "k", BODY), "incident", "i"))
                .isInstanceOf(IdempotencyKeyReusedException.class);
    }

    @Test
    void anUnknownKey_orNoKey_isNotAnswered() {
        ledger.remember(metaData(new Resolve("i", "fixed", Instant.EPOCH), "k", BODY), "first event");
        ledger.remember(Map.of(), "an event stored without a key");

        assertThat(ledger.replay(metaData(new Resolve("i", "fixed", Instant.EPOCH), "other", BODY), "incident", "i")).isEmpty();
        assertThat(ledger.replay(Map.of(), "incident", "i")).isEmpty();
    }

    @Test
    void aCommandThatStoredSeveralEvents_isAnsweredWithTheFirst() {
        Map<String, ?> command = metaData(new Resolve("i", "fixed", Instant.EPOCH), "k", BODY);
        ledger.remember(command, "first event");
        ledger.remember(command, "second event");

        assertThat(ledger.replay(command, "incident", "i")).contains(new IdempotentCommands.Replayed("first event"));
    }

    private static Map<String, ?> metaData(Object command, String key, Object body) {
        return IdempotentCommands.message(command, key, body).getMetaData();
    }
}
