package io.trustline.platform.command;

/**
 * An {@code Idempotency-Key} came back with a different request than the one it first made: answering with
 * the first outcome would tell the caller that their second request succeeded. Answered with 422.
 */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String resourceKind, String resourceId) {
        super("This Idempotency-Key was already used on " + resourceKind + " '" + resourceId
                + "' with a different request; use a new key for a new request.");
    }
}
