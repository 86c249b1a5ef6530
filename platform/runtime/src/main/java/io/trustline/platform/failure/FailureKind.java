package io.trustline.platform.failure;

/** Whether trying again later can succeed: the one distinction every retry and every answer depends on. */
public enum FailureKind {

    /**
     * Something we depend on is unreachable or too slow (MongoDB, Kafka, a downstream service): the same
     * work succeeds once it is back, so it is retried for as long as it takes and never dead-lettered.
     */
    INFRASTRUCTURE,

    /**
     * The work itself cannot succeed (an invalid event, a rule it breaks, a bug it triggers): it fails
     * the same way with the same input, so after a few attempts it is set aside.
     */
    INPUT;

    /**
     * Classifies a failure by its cause chain, outermost first: one infrastructure cause anywhere makes the
     * whole failure one, because wrappers (Axon's, Jackson's, ours) must not hide an outage — unless a
     * {@link ThirdPartyFailure} wraps it: a partner's network error is not our outage.
     */
    public static FailureKind of(Throwable failure) {
        Throwable cause = failure;
        // bounded: a cause chain can loop back on itself
        for (int depth = 0; cause != null && depth < 64; depth++, cause = cause.getCause()) {
            if (cause instanceof ThirdPartyFailure) {
                return INPUT;
            }
            if (InfrastructureFailures.matches(cause)) {
                return INFRASTRUCTURE;
            }
        }
        return INPUT;
    }
}
