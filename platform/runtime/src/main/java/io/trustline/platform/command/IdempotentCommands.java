package io.trustline.platform.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustline.platform.json.TrustlineJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;

/**
 * Makes a POST on an existing aggregate safe to retry. The command travels with the caller's
 * {@code Idempotency-Key} and a fingerprint of the request as metadata; Axon copies both onto every event the
 * command stores ({@link #correlationData()}), so the aggregate's {@link IdempotencyLedger}, rebuilt from its
 * own events, knows each key's first request and answer. No separate store can disagree with the events.
 *
 * <p>The fingerprint is the SHA-256 of the command's type name and the request body as parsed, written back
 * as JSON: exactly what the caller asked for, without the service's clock, the tenant (checked before the
 * ledger is asked) or the aggregate id (each aggregate keeps its own ledger). A request type that gains a
 * field changes the fingerprints of its requests: a retry sent across that release is refused with 422,
 * never answered with something it did not ask for.
 */
public final class IdempotentCommands {

    /** Metadata of a command, and of the events it stored: the caller's {@code Idempotency-Key}. */
    public static final String KEY = "idempotencyKey";
    /** Metadata of a command, and of the events it stored: the fingerprint of the request that used the key. */
    public static final String FINGERPRINT = "requestFingerprint";

    private static final ObjectMapper JSON = TrustlineJson.newObjectMapper();

    private IdempotentCommands() {
    }

    /**
     * The command as a message; with a key, carrying the key and the fingerprint of {@code request}.
     *
     * @param idempotencyKey the caller's key, or null
     * @param request        the body the command was made from
     */
    public static <C> CommandMessage<C> message(C command, String idempotencyKey, Object request) {
        CommandMessage<C> message = GenericCommandMessage.asCommandMessage(command);
        if (idempotencyKey == null) {
            return message;
        }
        return message.andMetaData(Map.of(KEY, idempotencyKey,
                FINGERPRINT, fingerprint(command.getClass().getSimpleName(), request)));
    }

    /** Copies the key and fingerprint from a command onto the events stored while handling it. */
    public static CorrelationDataProvider correlationData() {
        return new SimpleCorrelationDataProvider(KEY, FINGERPRINT);
    }

    /** The key a command or event carries, or null. */
    public static String key(Map<String, ?> metaData) {
        Object key = metaData.get(KEY);
        return key == null ? null : key.toString();
    }

    static String fingerprint(Map<String, ?> metaData) {
        Object fingerprint = metaData.get(FINGERPRINT);
        return fingerprint == null ? null : fingerprint.toString();
    }

    static String fingerprint(String commandType, Object request) {
        try {
            byte[] json = JSON.writeValueAsBytes(request);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((commandType + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a " + commandType + " request", e);
        }
    }

    /** An answer repeated from the ledger: nothing was stored this time. */
    public record Replayed(Object answer) {
    }
}
