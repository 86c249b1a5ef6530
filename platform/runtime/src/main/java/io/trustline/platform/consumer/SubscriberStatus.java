package io.trustline.platform.consumer;

import java.time.Instant;

/** A subscriber as readiness and the logs describe it. */
record SubscriberStatus(State state, Instant outageSince, int failures, String reason) {

    enum State { CONSUMING, WAITING_FOR_INFRASTRUCTURE, BLOCKED, STOPPED }

    static SubscriberStatus consuming() {
        return new SubscriberStatus(State.CONSUMING, null, 0, null);
    }

    static SubscriberStatus stopped() {
        return new SubscriberStatus(State.STOPPED, null, 0, null);
    }

    static SubscriberStatus waitingForInfrastructure(Instant since, int failures, String reason) {
        return new SubscriberStatus(State.WAITING_FOR_INFRASTRUCTURE, since, failures, reason);
    }

    static SubscriberStatus blocked(Instant since, int failures, String reason) {
        return new SubscriberStatus(State.BLOCKED, since, failures, reason);
    }

    boolean healthy() {
        return state == State.CONSUMING;
    }

    @Override
    public String toString() {
        return switch (state) {
            case CONSUMING -> "consuming";
            case STOPPED -> "stopped";
            case WAITING_FOR_INFRASTRUCTURE -> "waiting for infrastructure since " + outageSince + " (" + failures
                    + " failures): " + reason;
            case BLOCKED -> "blocked since " + outageSince + " by a failure that is not an outage (" + failures
                    + " failures): " + reason;
        };
    }
}
