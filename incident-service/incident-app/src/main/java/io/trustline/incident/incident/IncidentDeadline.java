package io.trustline.incident.incident;

import io.trustline.incident.api.ResponsePhase;
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

    record UpdateDue(Instant dueAt) implements IncidentDeadline {
    }

    record ResolveByDue(Instant dueAt) implements IncidentDeadline {
    }
}
