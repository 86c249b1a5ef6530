package io.trustline.incident.incident;

import io.trustline.incident.api.ResponsePhase;
import io.trustline.platform.axon.KeyedDeadline;
import java.time.Instant;

/**
 * Payloads of the incident's deadlines. Each carries the instant it was scheduled for, so the aggregate can tell
 * a deadline that still counts from one made stale by a later contact or new targets, and ignore the latter:
 * cancelling would need the schedule's id in the aggregate's state, which is not event-sourced.
 */
sealed interface IncidentDeadline {

    String RESPONSE_TARGET = "response-target";
    String PROACTIVE_UPDATE = "proactive-update";
    String RESOLVE_BY = "resolve-by";

    Instant dueAt();

    record ResponseTargetDue(ResponsePhase phase, Instant dueAt) implements IncidentDeadline {
    }

    /**
     * The next proactive update, due at {@code dueAt}. One per incident at a time: a contact moves the cadence on
     * without scheduling another, and this one, firing before the new due time, reschedules itself to it.
     *
     * @param chain which run of deadlines it belongs to: a new one starts with new targets and with a reopening, and a
     *              deadline of an earlier run is ignored, so runs never add up; null on deadlines stored before runs
     *              were counted, which count as the current run
     */
    record UpdateDue(Instant dueAt, Integer chain) implements IncidentDeadline, KeyedDeadline {

        boolean belongsTo(int currentChain) {
            return chain == null || chain == currentChain;
        }

        @Override
        public String deadlineKey() {
            return chain + "|" + dueAt;
        }
    }

    record ResolveByDue(Instant dueAt) implements IncidentDeadline {
    }
}
