package io.trustline.relationship.models;

import java.time.Instant;

/**
 * A tenant's latest switch of its active model, as stored in {@code model_switches} (one per tenant).
 *
 * @param clientsDone  clients rescored under the target so far
 * @param clientsTotal the tenant's clients when rescoring started (clients that appear later are caught up too)
 * @param finishedAt   null while it runs
 * @param failedReason why it stopped with the old model still active; null unless FAILED
 */
public record ModelSwitch(String switchId, String fromModelId, String targetModelId, State state, int clientsDone,
                          int clientsTotal, Instant startedAt, Instant finishedAt, String failedReason) {

    /** RESCORING: the old model is active; HANDING_OVER: the target is active, its stored points are being adopted. */
    public enum State { RESCORING, HANDING_OVER, DONE, FAILED }

    boolean running() {
        return state == State.RESCORING || state == State.HANDING_OVER;
    }
}
