package io.trustline.platform.command;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Makes a creating POST safe to retry: the caller's {@code Idempotency-Key} names the resource it creates.
 * The same key of the same tenant always gives the same id, so a retry meets the stream the first call
 * created (Axon refuses to create it twice, atomically with the append) and answers with what that call
 * stored — or 422 when the retry asks for something else. Another tenant's key never names the same id.
 */
public final class IdempotencyKeys {

    /** The request header a caller sets to make a POST safe to retry. */
    public static final String HEADER = "Idempotency-Key";
    /** Set on an answer that repeats the outcome of an earlier call with the same key. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private IdempotencyKeys() {
    }

    /**
     * Refuses a retry whose request differs from the one that made the resource.
     *
     * @throws IdempotencyKeyReusedException unless {@code sameRequest}
     */
    public static void requireSameRequest(boolean sameRequest, String resourceKind, String resourceId) {
        if (!sameRequest) {
            throw new IdempotencyKeyReusedException(resourceKind, resourceId);
        }
    }

    /** A new random id without a key; the id the key names, with one. */
    public static String resourceId(String tenantId, String resourceKind, String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        return UUID.nameUUIDFromBytes((resourceKind + "|" + tenantId + "|" + idempotencyKey).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
