package io.trustline.platform.failure;

/**
 * A party outside Trustline — a partner's webhook endpoint, a PSA's API — failed or could not be reached.
 * Whatever network error caused it, it is not our infrastructure: waiting for one partner must never
 * hold up everybody else's events, so it counts as {@link FailureKind#INPUT} (retried a few times, then
 * set aside) and never as an outage.
 */
public class ThirdPartyFailure extends RuntimeException {

    public ThirdPartyFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public ThirdPartyFailure(String message) {
        super(message);
    }
}
