package io.trustline.incident.incident;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.trustline.incident.api.Discovery;
import io.trustline.incident.api.ExpectationDimension;
import io.trustline.incident.api.ResponsePhase;
import io.trustline.incident.incident.IncidentEvent.ActionPlanCompleted;
import io.trustline.incident.incident.IncidentEvent.ActionPlanIssued;
import io.trustline.incident.incident.IncidentEvent.ExpectationMissed;
import io.trustline.incident.incident.IncidentEvent.IncidentOpened;
import io.trustline.incident.incident.IncidentEvent.IssueAcknowledged;
import io.trustline.incident.incident.IncidentEvent.IssueReopened;
import io.trustline.incident.incident.IncidentEvent.IssueResolved;
import io.trustline.incident.incident.IncidentEvent.ProactiveUpdateOverdue;
import io.trustline.incident.incident.IncidentEvent.ProactiveUpdateSent;
import io.trustline.incident.incident.IncidentEvent.ResolutionConfirmed;
import io.trustline.incident.incident.IncidentEvent.ResponseTargetMissed;
import io.trustline.incident.incident.IncidentEvent.ResponseTargetsSet;
import io.trustline.incident.incident.IncidentEvent.ServiceDisruptionAdmitted;
import java.time.Duration;
import java.time.Instant;

/**
 * What the incident's response targets are judged by: the targets held ({@code null} until learnt) and the moments
 * that meet or miss them, whatever order they came in. {@code cadenceFrom} is what the next proactive update is due
 * from, as the aggregate counts it: the latest of the report, a client-facing contact and an overdue moment.
 *
 * <p>{@link #with(IncidentEvent)} is idempotent: an event sets what it tells, first acts and the cadence only move
 * one way, and an overdue moment is counted only when later than the last one (they only ever move forward), so
 * applying an event again, or replaying the stream over stored facts, gives the same facts.
 */
record ResponseFacts(Held targets, Instant openedAt, IncidentState state, Instant acknowledgedAt, Instant firstPlanAt,
                     Instant resolvedAt, Instant reopenedAt, Instant acknowledgeMissedAt, Instant planMissedAt,
                     Instant resolveByMissed, Instant cadenceFrom, Instant lastOverdueAt, int overdueCount) {

    static final ResponseFacts NONE = new ResponseFacts(null, null, null, null, null, null, null, null, null, null,
            null, null, 0);

    /** The deadlines of the latest {@link ResponseTargetsSet}. */
    record Held(Instant acknowledgeBy, Instant planBy, @JsonFormat(shape = JsonFormat.Shape.STRING) Duration updateEvery,
                Instant resolveBy, int policyVersion, Instant setAt) {

        static Held of(ResponseTargetsSet event) {
            return new Held(event.acknowledgeBy(), event.planBy(), event.updateEvery(), event.resolveBy(),
                    event.policyVersion(), event.occurredAt());
        }
    }

    ResponseFacts with(IncidentEvent event) {
        if (event instanceof IncidentOpened e) {
            return new ResponseFacts(targets, e.openedAt(), state == null ? IncidentState.OPEN : state, acknowledgedAt,
                    firstPlanAt, resolvedAt, reopenedAt, acknowledgeMissedAt, planMissedAt, resolveByMissed,
                    later(cadenceFrom, e.openedAt()), lastOverdueAt, overdueCount);
        }
        if (event instanceof ResponseTargetsSet e) {
            return withTargets(Held.of(e));
        }
        if (event instanceof IssueAcknowledged e) {
            return new ResponseFacts(targets, openedAt, state, earlier(acknowledgedAt, e.occurredAt()), firstPlanAt,
                    resolvedAt, reopenedAt, acknowledgeMissedAt, planMissedAt, resolveByMissed,
                    later(cadenceFrom, e.occurredAt()), lastOverdueAt, overdueCount);
        }
        if (event instanceof ActionPlanIssued e) {
            return new ResponseFacts(targets, openedAt, state, acknowledgedAt, earlier(firstPlanAt, e.issuedAt()),
                    resolvedAt, reopenedAt, acknowledgeMissedAt, planMissedAt, resolveByMissed,
                    later(cadenceFrom, e.issuedAt()), lastOverdueAt, overdueCount);
        }
        if (event instanceof ActionPlanCompleted || event instanceof ProactiveUpdateSent) {
            return contacted(event.occurredAt());
        }
        if (event instanceof ServiceDisruptionAdmitted e) {
            // a disruption the client found first is not the provider keeping them informed
            return e.discovery() == Discovery.DISCLOSED_BY_PROVIDER ? contacted(e.occurredAt()) : this;
        }
        if (event instanceof ProactiveUpdateOverdue e) {
            return overdue(e.occurredAt());
        }
        if (event instanceof ResponseTargetMissed e) {
            return missed(e.phase(), e.occurredAt());
        }
        if (event instanceof ExpectationMissed e && e.dimensions().contains(ExpectationDimension.WHEN)) {
            return new ResponseFacts(targets, openedAt, state, acknowledgedAt, firstPlanAt, resolvedAt, reopenedAt,
                    acknowledgeMissedAt, planMissedAt, e.resolveBy(), cadenceFrom, lastOverdueAt, overdueCount);
        }
        if (event instanceof IssueResolved e) {
            return new ResponseFacts(targets, openedAt, IncidentState.RESOLVED, acknowledgedAt, firstPlanAt,
                    e.occurredAt(), reopenedAt, acknowledgeMissedAt, planMissedAt, resolveByMissed, cadenceFrom,
                    lastOverdueAt, overdueCount);
        }
        if (event instanceof ResolutionConfirmed) {
            return new ResponseFacts(targets, openedAt, IncidentState.CONFIRMED, acknowledgedAt, firstPlanAt,
                    resolvedAt, reopenedAt, acknowledgeMissedAt, planMissedAt, resolveByMissed, cadenceFrom,
                    lastOverdueAt, overdueCount);
        }
        if (event instanceof IssueReopened e) {
            return new ResponseFacts(targets, openedAt, IncidentState.OPEN, acknowledgedAt, firstPlanAt, resolvedAt,
                    e.occurredAt(), acknowledgeMissedAt, planMissedAt, resolveByMissed,
                    later(cadenceFrom, e.occurredAt()), lastOverdueAt, overdueCount);
        }
        return this;
    }

    private ResponseFacts withTargets(Held held) {
        return new ResponseFacts(held, openedAt, state, acknowledgedAt, firstPlanAt, resolvedAt, reopenedAt,
                acknowledgeMissedAt, planMissedAt, resolveByMissed, cadenceFrom, lastOverdueAt, overdueCount);
    }

    private ResponseFacts contacted(Instant at) {
        return new ResponseFacts(targets, openedAt, state, acknowledgedAt, firstPlanAt, resolvedAt, reopenedAt,
                acknowledgeMissedAt, planMissedAt, resolveByMissed, later(cadenceFrom, at), lastOverdueAt,
                overdueCount);
    }

    private ResponseFacts overdue(Instant at) {
        boolean counted = lastOverdueAt != null && !at.isAfter(lastOverdueAt);
        return new ResponseFacts(targets, openedAt, state, acknowledgedAt, firstPlanAt, resolvedAt, reopenedAt,
                acknowledgeMissedAt, planMissedAt, resolveByMissed, later(cadenceFrom, at), later(lastOverdueAt, at),
                counted ? overdueCount : overdueCount + 1);
    }

    private ResponseFacts missed(ResponsePhase phase, Instant at) {
        return phase == ResponsePhase.ACKNOWLEDGE
                ? new ResponseFacts(targets, openedAt, state, acknowledgedAt, firstPlanAt, resolvedAt, reopenedAt, at,
                        planMissedAt, resolveByMissed, cadenceFrom, lastOverdueAt, overdueCount)
                : new ResponseFacts(targets, openedAt, state, acknowledgedAt, firstPlanAt, resolvedAt, reopenedAt,
                        acknowledgeMissedAt, at, resolveByMissed, cadenceFrom, lastOverdueAt, overdueCount);
    }

    private static Instant earlier(Instant current, Instant candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }

    private static Instant later(Instant current, Instant candidate) {
        return current == null || candidate.isAfter(current) ? candidate : current;
    }
}
