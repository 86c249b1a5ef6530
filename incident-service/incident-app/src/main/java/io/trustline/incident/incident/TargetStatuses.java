package io.trustline.incident.incident;

import io.trustline.incident.incident.IncidentDetails.DeadlineKind;
import io.trustline.incident.incident.IncidentDetails.NextDeadline;
import io.trustline.incident.incident.IncidentDetails.Target;
import io.trustline.incident.incident.IncidentDetails.TargetStatus;
import io.trustline.incident.incident.IncidentDetails.Targets;
import io.trustline.incident.incident.IncidentDetails.UpdateCadence;
import io.trustline.incident.incident.IncidentDetails.UpdateStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How an incident's targets stand, from its {@link ResponseFacts} alone: no clock, so a target whose instant has
 * passed stays {@code PENDING} until the aggregate's deadline records it missed, and the read model never says what
 * the event stream does not.
 *
 * <p>The rules follow the aggregate's deadlines: an acknowledgement or plan target is met by the act, or by a
 * resolution, at or before its instant; a miss the aggregate recorded is final (it was published), even when later
 * targets would have been met. The resolve target is judged by the latest resolution against the current
 * {@code resolveBy}, as the client's confirmation is: a reopening makes it pending again while {@code resolveBy} is
 * ahead, and missed at {@code resolveBy} once it has passed, since the resolution it had by then did not hold.
 */
final class TargetStatuses {

    private TargetStatuses() {
    }

    /** Empty until the incident holds targets. */
    static Optional<Targets> of(ResponseFacts facts) {
        ResponseFacts.Held held = facts.targets();
        if (held == null) {
            return Optional.empty();
        }
        return Optional.of(new Targets(held.acknowledgeBy(), held.planBy(), held.updateEvery().toString(),
                held.resolveBy(), held.policyVersion(), held.setAt(),
                phase(held.acknowledgeBy(), facts.acknowledgedAt(), facts.acknowledgeMissedAt(), facts.resolvedAt()),
                phase(held.planBy(), facts.firstPlanAt(), facts.planMissedAt(), facts.resolvedAt()),
                updates(facts), resolve(facts)));
    }

    /** The earliest pending deadline; on a tie, the one that comes first in the incident's course. */
    static Optional<NextDeadline> next(Targets targets) {
        return Stream.of(pending(DeadlineKind.ACKNOWLEDGE, targets.acknowledge()),
                        pending(DeadlineKind.PLAN, targets.plan()),
                        Optional.ofNullable(targets.updates().nextDueAt())
                                .map(due -> new NextDeadline(DeadlineKind.UPDATE, due)),
                        pending(DeadlineKind.RESOLVE, targets.resolve()))
                .flatMap(Optional::stream)
                .min(Comparator.comparing(NextDeadline::dueAt).thenComparing(NextDeadline::kind));
    }

    private static Optional<NextDeadline> pending(DeadlineKind kind, Target target) {
        return target.status() == TargetStatus.PENDING
                ? Optional.of(new NextDeadline(kind, target.dueAt())) : Optional.empty();
    }

    private static Target phase(Instant dueAt, Instant actedAt, Instant recordedMissedAt, Instant resolvedAt) {
        if (recordedMissedAt != null) {
            return missed(dueAt, recordedMissedAt, actedAt);
        }
        if (inTime(actedAt, dueAt)) {
            return new Target(dueAt, TargetStatus.MET, actedAt, null);
        }
        if (inTime(resolvedAt, dueAt)) {
            return new Target(dueAt, TargetStatus.MET, resolvedAt, null);
        }
        if (actedAt != null) {
            // late, and the targets were learnt after the act, so no deadline ever recorded the miss
            return missed(dueAt, dueAt, actedAt);
        }
        return new Target(dueAt, TargetStatus.PENDING, null, null);
    }

    private static Target resolve(ResponseFacts facts) {
        Instant dueAt = facts.targets().resolveBy();
        boolean resolved = facts.state() != IncidentState.OPEN;
        Instant resolvedAt = resolved ? facts.resolvedAt() : null;
        if (dueAt.equals(facts.resolveByMissed())) {
            return missed(dueAt, dueAt, resolvedAt);
        }
        if (resolved) {
            return inTime(resolvedAt, dueAt) ? new Target(dueAt, TargetStatus.MET, resolvedAt, null)
                    : missed(dueAt, dueAt, resolvedAt);
        }
        if (facts.reopenedAt() != null && facts.reopenedAt().isAfter(dueAt)) {
            return missed(dueAt, dueAt, null);
        }
        return new Target(dueAt, TargetStatus.PENDING, null, null);
    }

    private static UpdateCadence updates(ResponseFacts facts) {
        String every = facts.targets().updateEvery().toString();
        if (facts.state() != IncidentState.OPEN) {
            return new UpdateCadence(every, UpdateStatus.NOT_DUE, null, facts.overdueCount(), facts.lastOverdueAt());
        }
        UpdateStatus status = facts.cadenceFrom().equals(facts.lastOverdueAt()) ? UpdateStatus.OVERDUE
                : UpdateStatus.PENDING;
        return new UpdateCadence(every, status, facts.cadenceFrom().plus(facts.targets().updateEvery()),
                facts.overdueCount(), facts.lastOverdueAt());
    }

    private static Target missed(Instant dueAt, Instant missedAt, Instant metAt) {
        return new Target(dueAt, TargetStatus.MISSED, metAt, missedAt);
    }

    private static boolean inTime(Instant happenedAt, Instant dueAt) {
        return happenedAt != null && !happenedAt.isAfter(dueAt);
    }
}
