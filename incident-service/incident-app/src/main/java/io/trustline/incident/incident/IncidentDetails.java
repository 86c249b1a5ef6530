package io.trustline.incident.incident;

import io.trustline.incident.api.AcceptanceCheckResult;
import io.trustline.incident.api.Channel;
import io.trustline.incident.api.Discovery;
import io.trustline.incident.api.Party;
import io.trustline.incident.incident.IncidentEvent.ActionPlanCompleted;
import io.trustline.incident.incident.IncidentEvent.ActionPlanIssued;
import io.trustline.incident.incident.IncidentEvent.ClientChasedUpdate;
import io.trustline.incident.incident.IncidentEvent.IssueAcknowledged;
import io.trustline.incident.incident.IncidentEvent.IssueReopened;
import io.trustline.incident.incident.IncidentEvent.IssueResolved;
import io.trustline.incident.incident.IncidentEvent.MiscommunicationRecorded;
import io.trustline.incident.incident.IncidentEvent.ProactiveUpdateSent;
import io.trustline.incident.incident.IncidentEvent.ResolutionConfirmed;
import io.trustline.incident.incident.IncidentEvent.ServiceDisruptionAdmitted;
import java.time.Instant;
import java.util.List;

/**
 * An incident as the API shows it; every part is null until its first event. The answer to a command carries
 * only what that command's event knows (the rest is on GET), and {@code state} only when the command changed it.
 * {@code nextDeadline} is the earliest of its targets still pending, null when none is; {@code history} lists every
 * stored event of the incident, oldest first.
 */
public record IncidentDetails(String issueId, String clientId, String summary, Instant openedAt, IncidentState state,
                              Acknowledgement acknowledgement, ActionPlan actionPlan, Updates updates, Chases chases,
                              Disruption lastDisruption, Miscommunication lastMiscommunication, Resolution resolution,
                              Confirmation confirmation, Reopening lastReopening, Targets targets,
                              NextDeadline nextDeadline, List<HistoryEntry> history) {

    /**
     * The deadlines the incident is held to ({@code resolveBy} the client's own when given), {@code updateEvery} an
     * ISO-8601 duration, from the tenant's response policy {@code policyVersion}, learnt at {@code setAt}; and how
     * each stands: {@code acknowledge}, {@code plan} and {@code resolve}, and the proactive {@code updates}. Null until
     * the expectation is known.
     */
    public record Targets(Instant acknowledgeBy, Instant planBy, String updateEvery, Instant resolveBy,
                          int policyVersion, Instant setAt, Target acknowledge, Target plan, UpdateCadence updates,
                          Target resolve) {
    }

    /**
     * One target: due at {@code dueAt}; {@code metAt} when the acknowledgement, plan or resolution came (the
     * resolution also answers an acknowledgement or plan target it came before); {@code missedAt} the moment the
     * target passed unmet (its due instant). A target met late is {@code MISSED} with both set.
     */
    public record Target(Instant dueAt, TargetStatus status, Instant metAt, Instant missedAt) {
    }

    /** {@code PENDING}: not yet due, or due moments ago and not yet judged; then {@code MET} or {@code MISSED}, for good. */
    public enum TargetStatus { PENDING, MET, MISSED }

    /**
     * The proactive-update cadence: an update is due {@code every} (ISO-8601 duration) after the latest
     * client-facing contact, or after the moment the previous one was overdue; {@code nextDueAt} null once the
     * incident is resolved. {@code overdueCount} intervals went by without contact, the latest at
     * {@code lastOverdueAt}.
     */
    public record UpdateCadence(String every, UpdateStatus status, Instant nextDueAt, int overdueCount,
                                Instant lastOverdueAt) {
    }

    /**
     * {@code PENDING}: the next update is due, counted from a contact; {@code OVERDUE}: the last interval went by
     * without contact and the next is counted from its end; {@code NOT_DUE}: resolved or confirmed, no update owed.
     */
    public enum UpdateStatus { PENDING, OVERDUE, NOT_DUE }

    /** The earliest deadline still ahead of the incident (or just passed, moments before it is judged). */
    public record NextDeadline(DeadlineKind kind, Instant dueAt) {
    }

    public enum DeadlineKind { ACKNOWLEDGE, PLAN, UPDATE, RESOLVE }

    /** One stored event of the incident: its type, when it happened, its id (the CloudEvent id too). */
    public record HistoryEntry(String type, Instant occurredAt, String eventId) {
    }

    public record Acknowledgement(String by, String note, Instant acknowledgedAt) {
    }

    /** The latest action plan given to the client; {@code completedAt} is null until it was carried out. */
    public record ActionPlan(List<String> steps, String owner, Instant eta, Instant issuedAt, Instant completedAt,
                             String completionNote) {

        static ActionPlan of(ActionPlanIssued issued) {
            return new ActionPlan(issued.steps(), issued.owner(), issued.eta(), issued.issuedAt(), null, null);
        }
    }

    /** How many proactive updates the client got, and the latest. */
    public record Updates(int count, Update last) {
    }

    public record Update(String message, Channel channel, Instant sentAt) {
    }

    /** How often the client had to ask, and the latest time. */
    public record Chases(int count, Chase last) {
    }

    public record Chase(Channel channel, String asked, Instant chasedAt) {
    }

    public record Disruption(Discovery discovery, String whatHappened, Instant admittedAt) {
    }

    public record Miscommunication(String misunderstanding, Party misunderstoodBy, Instant occurredAt) {
    }

    public record Resolution(String summary, Instant resolvedAt) {
    }

    public record Confirmation(boolean howCriteriaMet, List<AcceptanceCheckResult> checks, String comment,
                               Instant confirmedAt) {
    }

    public record Reopening(String reason, Instant reopenedAt) {
    }

    static Acknowledgement part(IssueAcknowledged e) {
        return new Acknowledgement(e.by(), e.note(), e.occurredAt());
    }

    static Updates part(ProactiveUpdateSent e) {
        return new Updates(e.number(), new Update(e.message(), e.channel(), e.occurredAt()));
    }

    static Chases part(ClientChasedUpdate e) {
        return new Chases(e.number(), new Chase(e.channel(), e.asked(), e.occurredAt()));
    }

    static Disruption part(ServiceDisruptionAdmitted e) {
        return new Disruption(e.discovery(), e.whatHappened(), e.occurredAt());
    }

    static Miscommunication part(MiscommunicationRecorded e) {
        return new Miscommunication(e.misunderstanding(), e.misunderstoodBy(), e.occurredAt());
    }

    static Resolution part(IssueResolved e) {
        return new Resolution(e.summary(), e.occurredAt());
    }

    static Confirmation part(ResolutionConfirmed e) {
        return new Confirmation(e.howCriteriaMet(), e.checks(), e.comment(), e.occurredAt());
    }

    static Reopening part(IssueReopened e) {
        return new Reopening(e.reason(), e.occurredAt());
    }

    /** The incident as far as an event just stored tells it; the rest is on GET. */
    static IncidentDetails answering(IncidentEvent event) {
        IncidentDetails none = new IncidentDetails(event.issueId(), event.clientId(), null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
        if (event instanceof IssueAcknowledged e) {
            return none.with(null, part(e), null, null, null, null, null, null, null, null);
        }
        if (event instanceof ActionPlanIssued e) {
            return none.with(null, null, ActionPlan.of(e), null, null, null, null, null, null, null);
        }
        if (event instanceof ActionPlanCompleted e) {
            // the plan's steps are not in the completion; GET shows them with it
            return none.with(null, null, new ActionPlan(null, null, null, null, e.occurredAt(), e.note()), null,
                    null, null, null, null, null, null);
        }
        if (event instanceof ProactiveUpdateSent e) {
            return none.with(null, null, null, part(e), null, null, null, null, null, null);
        }
        if (event instanceof ClientChasedUpdate e) {
            return none.with(null, null, null, null, part(e), null, null, null, null, null);
        }
        if (event instanceof ServiceDisruptionAdmitted e) {
            return none.with(null, null, null, null, null, part(e), null, null, null, null);
        }
        if (event instanceof MiscommunicationRecorded e) {
            return none.with(null, null, null, null, null, null, part(e), null, null, null);
        }
        if (event instanceof IssueResolved e) {
            return none.with(IncidentState.RESOLVED, null, null, null, null, null, null, part(e), null, null);
        }
        if (event instanceof ResolutionConfirmed e) {
            return none.with(IncidentState.CONFIRMED, null, null, null, null, null, null, null, part(e), null);
        }
        if (event instanceof IssueReopened e) {
            return none.with(IncidentState.OPEN, null, null, null, null, null, null, null, null, part(e));
        }
        throw new IllegalArgumentException("no answer for " + event.getClass().getSimpleName());
    }

    private IncidentDetails with(IncidentState state, Acknowledgement acknowledgement, ActionPlan actionPlan,
                                 Updates updates, Chases chases, Disruption lastDisruption,
                                 Miscommunication lastMiscommunication, Resolution resolution,
                                 Confirmation confirmation, Reopening lastReopening) {
        return new IncidentDetails(issueId, clientId, summary, openedAt, state, acknowledgement, actionPlan, updates,
                chases, lastDisruption, lastMiscommunication, resolution, confirmation, lastReopening, targets,
                nextDeadline, history);
    }
}
