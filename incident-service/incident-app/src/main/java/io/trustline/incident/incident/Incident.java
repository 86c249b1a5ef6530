package io.trustline.incident.incident;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.trustline.incident.incident.IncidentCommand.AcknowledgeIssue;
import io.trustline.incident.incident.IncidentCommand.AdmitServiceDisruption;
import io.trustline.incident.incident.IncidentCommand.CompleteActionPlan;
import io.trustline.incident.incident.IncidentCommand.ConfirmResolution;
import io.trustline.incident.incident.IncidentCommand.IssueActionPlan;
import io.trustline.incident.incident.IncidentCommand.OpenIncident;
import io.trustline.incident.incident.IncidentCommand.PsaNote;
import io.trustline.incident.incident.IncidentCommand.RecordPsaTicketUpdate;
import io.trustline.incident.incident.IncidentCommand.RecordClientChase;
import io.trustline.incident.incident.IncidentCommand.RecordMiscommunication;
import io.trustline.incident.incident.IncidentCommand.RecordsAMoment;
import io.trustline.incident.incident.IncidentCommand.ReopenIssue;
import io.trustline.incident.incident.IncidentCommand.ResolveIssue;
import io.trustline.incident.incident.IncidentCommand.SendProactiveUpdate;
import io.trustline.incident.incident.IncidentCommand.SetResponseTargets;
import io.trustline.incident.incident.IncidentEvent.ActionPlanCompleted;
import io.trustline.incident.incident.IncidentEvent.ActionPlanIssued;
import io.trustline.incident.incident.IncidentDeadline.ResolveByDue;
import io.trustline.incident.incident.IncidentDeadline.ResponseTargetDue;
import io.trustline.incident.incident.IncidentDeadline.UpdateDue;
import io.trustline.incident.incident.IncidentEvent.ClientChasedUpdate;
import io.trustline.incident.incident.IncidentEvent.ExpectationMet;
import io.trustline.incident.incident.IncidentEvent.ExpectationMissed;
import io.trustline.incident.incident.IncidentEvent.IncidentOpened;
import io.trustline.incident.incident.IncidentEvent.IssueAcknowledged;
import io.trustline.incident.incident.IncidentEvent.IssueReopened;
import io.trustline.incident.incident.IncidentEvent.IssueResolved;
import io.trustline.incident.incident.IncidentEvent.MiscommunicationRecorded;
import io.trustline.incident.incident.IncidentEvent.ProactiveUpdateOverdue;
import io.trustline.incident.incident.IncidentEvent.ProactiveUpdateSent;
import io.trustline.incident.incident.IncidentEvent.PsaOrigin;
import io.trustline.incident.incident.IncidentEvent.ResolutionConfirmed;
import io.trustline.incident.incident.IncidentEvent.ResponseTargetMissed;
import io.trustline.incident.incident.IncidentEvent.ResponseTargetsSet;
import io.trustline.incident.incident.IncidentEvent.ServiceDisruptionAdmitted;
import io.trustline.incident.api.Channel;
import io.trustline.incident.api.Discovery;
import io.trustline.incident.api.ExpectationDimension;
import io.trustline.incident.api.PsaTool;
import io.trustline.incident.api.ResponsePhase;
import io.trustline.platform.command.IdempotencyLedger;
import io.trustline.platform.command.IdempotentCommands;
import io.trustline.platform.domain.CommandNotAllowed;
import io.trustline.platform.domain.TenantOwnership;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The provider's response to one reported issue; its id is the issue's id.
 *
 * <p>State rules: an {@link IncidentState#OPEN} incident takes everything but a confirmation or a reopening;
 * a {@code RESOLVED} one takes updates, chases, disruptions, miscommunications, completing the plan, the
 * client's confirmation and reopening; a {@code CONFIRMED} one only reopening. An incident is acknowledged at
 * most once, an action plan is completed at most once per plan issued. Every other command is refused with
 * {@link CommandNotAllowed} and records nothing. Each command handler returns the event it stored, so the
 * caller can answer from it.
 *
 * <p>A moment sent again with the same {@code Idempotency-Key} is answered with the event the key first stored,
 * and nothing is applied, even when the state has moved on; with another request it is refused with
 * {@link io.trustline.platform.command.IdempotencyKeyReusedException}.
 *
 * <p>Deadlines: once the incident holds {@link ResponseTargetsSet}, it schedules its acknowledgement and plan
 * targets, its resolve-by and the next proactive update due; a deadline that passes unmet records
 * {@link ResponseTargetMissed}, {@link ProactiveUpdateOverdue} or {@link ExpectationMissed} with the due instant as
 * its moment. A deadline checks the state when it fires, so one that fires again, or was made stale by a later
 * contact or new targets, records nothing. The client's confirmation judges the expectation:
 * {@link ExpectationMet} or {@link ExpectationMissed}.
 *
 * <p>The provider's PSA ticket ({@link RecordPsaTicketUpdate}) records the same moments with the PSA's instants and
 * its {@link PsaOrigin}; the aggregate remembers what each ticket change told it, so a change delivered again or
 * replayed records nothing.
 */
public class Incident {

    /** How far ahead of our clock a caller's {@code occurredAt} may be: their clock may run a little fast. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private static final List<Class<? extends RecordsAMoment>> COMMANDS = List.of(AcknowledgeIssue.class,
            IssueActionPlan.class, CompleteActionPlan.class, SendProactiveUpdate.class, RecordClientChase.class,
            AdmitServiceDisruption.class, RecordMiscommunication.class, ResolveIssue.class, ConfirmResolution.class,
            ReopenIssue.class);

    @AggregateIdentifier
    private String issueId;
    private String tenantId;
    private String clientId;
    private Instant openedAt;
    private IncidentState state;
    private Instant acknowledgedAt;
    private Instant firstPlanAt;
    private boolean planOutstanding;
    private Instant resolvedAt;
    /** What the next proactive update is due from: the latest client-facing contact, reopening or overdue moment. */
    private Instant cadenceFrom;
    /** Counts the runs of update deadlines: new targets and a reopening each start one (see {@link UpdateDue}). */
    private int updateChain;
    private final Set<ResponsePhase> missedPhases = EnumSet.noneOf(ResponsePhase.class);
    private Instant resolveByMissed;
    private int updatesSent;
    private int chases;
    private ResponseTargetsSet targets;
    /** The client's latest confirmation: judged when it came, or, confirmed before any targets, once they come. */
    private ResolutionConfirmed confirmation;
    /** The PSA notes recorded, by {@link PsaNote#key()}. */
    private final Set<String> psaNotes = new HashSet<>();
    /** Whether the current resolution came from the PSA, which may then take it back. */
    private boolean resolvedInPsa;
    /** The latest resolution the PSA gave, and when intake recorded the ticket change that last resolved or reopened. */
    private Instant psaResolvedAt;
    private Instant psaResolutionChangeAt;
    @AggregateMember
    private final IdempotencyLedger ledger = new IdempotencyLedger();

    protected Incident() {
        // for Axon's event sourcing and CREATE_IF_MISSING
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenIncident command) {
        if (issueId != null) {
            TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "incident", command.issueId());
            // IssueReported delivered again: the incident is already open
            return;
        }
        apply(new IncidentOpened(command.issueId(), command.tenantId(), command.clientId(), command.summary(),
                command.openedAt()));
    }

    @CommandHandler
    void handle(SetResponseTargets command, DeadlineManager deadlines) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "incident", command.issueId());
        Instant resolveBy = command.clientResolveBy() != null ? command.clientResolveBy() : openedAt.plus(command.resolve());
        ResponseTargetsSet next = new ResponseTargetsSet(issueId, tenantId, clientId, openedAt.plus(command.acknowledge()),
                openedAt.plus(command.actionPlan()), command.updateEvery(), resolveBy, command.policyVersion(),
                command.occurredAt());
        // an expectation delivered again, or revised to the same deadlines, is not news
        if (!next.sameTargetsAs(targets)) {
            boolean confirmedUnjudged = targets == null && state == IncidentState.CONFIRMED;
            apply(next);
            scheduleTargets(deadlines);
            // the expectation reached us after the client had confirmed (the two travel apart): judge it now
            if (confirmedUnjudged) {
                judgeExpectation(confirmation);
            }
        }
    }

    private void scheduleTargets(DeadlineManager deadlines) {
        for (ResponsePhase phase : ResponsePhase.values()) {
            if (!missedPhases.contains(phase) && answeredAt(phase) == null) {
                deadlines.schedule(targetOf(phase), IncidentDeadline.RESPONSE_TARGET,
                        new ResponseTargetDue(phase, targetOf(phase)));
            }
        }
        if (state == IncidentState.OPEN) {
            deadlines.schedule(targets.resolveBy(), IncidentDeadline.RESOLVE_BY, new ResolveByDue(targets.resolveBy()));
            scheduleNextUpdate(deadlines);
        }
    }

    private void scheduleNextUpdate(DeadlineManager deadlines) {
        Instant due = nextUpdateDue();
        deadlines.schedule(due, IncidentDeadline.PROACTIVE_UPDATE, new UpdateDue(due, updateChain));
    }

    private Instant nextUpdateDue() {
        return cadenceFrom.plus(targets.updateEvery());
    }

    private Instant targetOf(ResponsePhase phase) {
        return phase == ResponsePhase.ACKNOWLEDGE ? targets.acknowledgeBy() : targets.planBy();
    }

    private Instant answeredAt(ResponsePhase phase) {
        return phase == ResponsePhase.ACKNOWLEDGE ? acknowledgedAt : firstPlanAt;
    }

    @DeadlineHandler(deadlineName = IncidentDeadline.RESPONSE_TARGET)
    void on(ResponseTargetDue due) {
        if (missed(due)) {
            apply(new ResponseTargetMissed(issueId, tenantId, clientId, due.phase(), due.dueAt()));
        }
    }

    /** Unanswered by its target, the target still current, and not recorded before (a deadline may fire twice). */
    private boolean missed(ResponseTargetDue due) {
        ResponsePhase phase = due.phase();
        if (targets == null || !due.dueAt().equals(targetOf(phase)) || missedPhases.contains(phase)) {
            return false;
        }
        return !inTime(answeredAt(phase), due.dueAt()) && !inTime(resolvedAt, due.dueAt());
    }

    /**
     * Overdue if no contact, new cadence or earlier overdue moment came since the deadline was scheduled; otherwise a
     * contact moved the cadence on, and the deadline follows it (contacts schedule nothing, so an incident has one
     * update deadline, not one per contact).
     */
    @DeadlineHandler(deadlineName = IncidentDeadline.PROACTIVE_UPDATE)
    void on(UpdateDue due, DeadlineManager deadlines) {
        if (targets == null || state != IncidentState.OPEN || !due.belongsTo(updateChain)) {
            return;
        }
        Instant next = nextUpdateDue();
        if (due.dueAt().equals(next)) {
            recordOverdue(due);
        }
        if (!due.dueAt().isAfter(next)) {
            scheduleNextUpdate(deadlines);
        }
    }

    private void recordOverdue(UpdateDue due) {
        apply(new ProactiveUpdateOverdue(issueId, tenantId, clientId, cadenceFrom, targets.updateEvery(), due.dueAt()));
    }

    @DeadlineHandler(deadlineName = IncidentDeadline.RESOLVE_BY)
    void on(ResolveByDue due) {
        if (missed(due)) {
            apply(new ExpectationMissed(issueId, tenantId, clientId, List.of(ExpectationDimension.WHEN),
                    targets.resolveBy(), null, due.dueAt()));
        }
    }

    private boolean missed(ResolveByDue due) {
        if (targets == null || !due.dueAt().equals(targets.resolveBy()) || due.dueAt().equals(resolveByMissed)) {
            return false;
        }
        return state == IncidentState.OPEN || !inTime(resolvedAt, due.dueAt());
    }

    private static boolean inTime(Instant happenedAt, Instant due) {
        return happenedAt != null && !happenedAt.isAfter(due);
    }

    @CommandHandlerInterceptor
    Object answerARetry(CommandMessage<?> message, InterceptorChain chain) throws Exception {
        if (message.getPayload() instanceof RecordsAMoment command && IdempotentCommands.key(message.getMetaData()) != null) {
            // before the ledger: another tenant's key must not learn that this incident exists, let alone its answers
            TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "incident", issueId);
            Optional<IdempotentCommands.Replayed> first = ledger.replay(message.getMetaData(), "incident", issueId);
            if (first.isPresent()) {
                return first.get();
            }
        }
        return chain.proceed();
    }

    @CommandHandler
    IssueAcknowledged handle(AcknowledgeIssue command) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "incident", command.issueId());
        return record(new IssueAcknowledged(issueId, tenantId, clientId, command.by(),
                command.note(), allowedAt(command), null));
    }

    @CommandHandler
    ActionPlanIssued handle(IssueActionPlan command) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "incident", command.issueId());
        return record(new ActionPlanIssued(issueId, tenantId, clientId, command.steps(),
                command.owner(), command.eta(), allowedAt(command), null));
    }

    @CommandHandler
    ActionPlanCompleted handle(CompleteActionPlan command) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "incident", command.issueId());
        return record(new ActionPlanCompleted(issueId, tenantId, clientId, command.note(),
                allowedAt(command)));
    }

    @CommandHandler
    ProactiveUpdateSent handle(SendProactiveUpdate command) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "incident", command.issueId());
        Instant at = allowedAt(command);
        return record(new ProactiveUpdateSent(issueId, tenantId, clientId, command.message(),
                command.channel(), updatesSent + 1, at, null));
    }

    @CommandHandler
    ClientChasedUpdate handle(RecordClientChase command) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "incident", command.issueId());
        Instant at = allowedAt(command);
        return record(new ClientChasedUpdate(issueId, tenantId, clientId, command.channel(), command.asked(),
                chases + 1, at));
    }

    @CommandHandler
    ServiceDisruptionAdmitted handle(AdmitServiceDisruption command) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "incident", command.issueId());
        return record(new ServiceDisruptionAdmitted(issueId, tenantId, clientId,
                command.discovery(), command.whatHappened(), allowedAt(command)));
    }

    @CommandHandler
    MiscommunicationRecorded handle(RecordMiscommunication command) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "incident", command.issueId());
        return record(new MiscommunicationRecorded(issueId, tenantId, clientId, command.misunderstanding(),
                command.misunderstoodBy(), allowedAt(command)));
    }

    @CommandHandler
    IssueResolved handle(ResolveIssue command) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "incident", command.issueId());
        return record(new IssueResolved(issueId, tenantId, clientId, command.summary(), allowedAt(command), null));
    }

    @CommandHandler
    ResolutionConfirmed handle(ConfirmResolution command) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "incident", command.issueId());
        ResolutionConfirmed confirmation = record(new ResolutionConfirmed(issueId, tenantId, clientId,
                command.howCriteriaMet(), command.checks(), command.comment(), allowedAt(command)));
        if (targets != null) {
            judgeExpectation(confirmation);
        }
        return confirmation;
    }

    private void judgeExpectation(ResolutionConfirmed confirmation) {
        List<ExpectationDimension> missed = new ArrayList<>();
        if (!inTime(resolvedAt, targets.resolveBy())) {
            missed.add(ExpectationDimension.WHEN);
        }
        if (!confirmation.howCriteriaMet()) {
            missed.add(ExpectationDimension.HOW);
        }
        apply(missed.isEmpty()
                ? new ExpectationMet(issueId, tenantId, clientId, targets.resolveBy(), resolvedAt,
                        confirmation.occurredAt())
                : new ExpectationMissed(issueId, tenantId, clientId, missed, targets.resolveBy(), resolvedAt,
                        confirmation.occurredAt()));
    }

    @CommandHandler
    IssueReopened handle(ReopenIssue command, DeadlineManager deadlines) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "incident", command.issueId());
        IssueReopened reopening = record(new IssueReopened(issueId, tenantId, clientId, command.reason(),
                allowedAt(command), null));
        if (targets != null) {
            // the cadence starts again from the reopening; a resolve-by still ahead was scheduled with the targets
            scheduleNextUpdate(deadlines);
        }
        return reopening;
    }

    /**
     * Records what the PSA ticket tells and the incident does not know yet, in the order of a ticket's life: the
     * first response, the first plan, a new customer-facing note, then the resolution, or a reopening when the
     * ticket lost the resolution that came from it. Each at the PSA's instant, so the targets are judged by it.
     * Moments the state rules refuse are left out rather than refused: the PSA is a record of what happened, not
     * a caller to answer. Returns what it recorded, nothing for a change it already knew.
     */
    @CommandHandler
    List<IncidentEvent> handle(RecordPsaTicketUpdate command, DeadlineManager deadlines) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "incident", command.issueId());
        List<IncidentEvent> recorded = new ArrayList<>();
        String psa = displayName(command.psa());
        PsaNote note = command.note() != null && !psaNotes.contains(command.note().key()) ? command.note() : null;
        if (command.respondedAt() != null && acknowledgedAt == null && state == IncidentState.OPEN) {
            recorded.add(record(new IssueAcknowledged(issueId, tenantId, clientId, psa, null,
                    psaInstant(command.respondedAt(), command), origin(command, null))));
        }
        if (command.planAt() != null && firstPlanAt == null && state == IncidentState.OPEN) {
            // the plan is what the client was told with it: the note that came with it, else the ticket's status
            String step = note != null ? note.text()
                    : command.status() != null ? command.status() : "Resolution plan recorded in " + psa;
            recorded.add(record(new ActionPlanIssued(issueId, tenantId, clientId, List.of(step), psa, null,
                    psaInstant(command.planAt(), command), origin(command, note))));
            note = null;
        }
        if (note != null && state != IncidentState.CONFIRMED) {
            recorded.add(record(new ProactiveUpdateSent(issueId, tenantId, clientId, note.text(),
                    Channel.PSA_NOTE, updatesSent + 1, psaInstant(note.sentAt(), command), origin(command, note))));
        }
        boolean newerTicketChange = psaResolutionChangeAt == null
                || command.changeRecordedAt().isAfter(psaResolutionChangeAt);
        if (command.resolvedAt() != null && state == IncidentState.OPEN && newerTicketChange
                && !resolutionRecordedFromPsa(command)) {
            recorded.add(record(new IssueResolved(issueId, tenantId, clientId, inPsa("Resolved", psa, command),
                    psaInstant(command.resolvedAt(), command), origin(command, null))));
        } else if (command.resolvedAt() == null && state != IncidentState.OPEN && resolvedInPsa && newerTicketChange) {
            Instant at = later(psaInstant(command.changedAt() != null ? command.changedAt()
                    : command.changeRecordedAt(), command), resolvedAt);
            recorded.add(record(new IssueReopened(issueId, tenantId, clientId, inPsa("Reopened", psa, command), at,
                    origin(command, null))));
            if (targets != null) {
                scheduleNextUpdate(deadlines);
            }
        }
        return recorded;
    }

    /** The ticket still shows the resolution it gave before (a reopening through the API does not clear it there). */
    private boolean resolutionRecordedFromPsa(RecordPsaTicketUpdate command) {
        return psaInstant(command.resolvedAt(), command).equals(psaResolvedAt);
    }

    private static String displayName(PsaTool psa) {
        return switch (psa) {
            case CONNECTWISE -> "ConnectWise PSA";
            case AUTOTASK -> "Autotask PSA";
            case HALO -> "HaloPSA";
        };
    }

    private static String inPsa(String what, String psa, RecordPsaTicketUpdate command) {
        return what + " in " + psa + (command.status() != null ? " (status " + command.status() + ")" : "");
    }

    private static PsaOrigin origin(RecordPsaTicketUpdate command, PsaNote note) {
        return new PsaOrigin(command.psa(), command.externalTicketId(), command.changeRecordedAt(),
                note == null ? null : note.key());
    }

    /**
     * The PSA's instant, kept within what an incident's moment may be, as for a caller's {@code occurredAt}: not
     * before the incident was opened (the PSA may have known the ticket first), and not past the moment intake
     * recorded the change plus the clock skew allowed (a PSA clock running ahead).
     */
    private Instant psaInstant(Instant at, RecordPsaTicketUpdate command) {
        Instant latest = command.changeRecordedAt().plus(CLOCK_SKEW);
        return at.isBefore(openedAt) ? openedAt : at.isAfter(latest) ? latest : at;
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    private static <E extends IncidentEvent> E record(E event) {
        apply(event);
        return event;
    }

    /** Checks the state rules, then answers when the command's moment happened. */
    private Instant allowedAt(RecordsAMoment command) {
        refusal(command.getClass()).ifPresent(reason -> {
            throw new CommandNotAllowed(state.name(), allowedNow(), reason);
        });
        if (command.occurredAt() == null) {
            return command.recordedAt();
        }
        if (command.occurredAt().isAfter(command.recordedAt().plus(CLOCK_SKEW))) {
            throw new OccurredAtOutOfRange("lies in the future: it may be at most " + CLOCK_SKEW.toMinutes()
                    + " minutes ahead of " + command.recordedAt() + ".");
        }
        if (command.occurredAt().isBefore(openedAt)) {
            throw new OccurredAtOutOfRange("lies before the incident was opened at " + openedAt + ".");
        }
        return command.occurredAt();
    }

    private List<String> allowedNow() {
        return COMMANDS.stream().filter(command -> refusal(command).isEmpty()).map(Class::getSimpleName).toList();
    }

    private Optional<String> refusal(Class<? extends RecordsAMoment> command) {
        String name = command.getSimpleName();
        if (command == ReopenIssue.class) {
            return state == IncidentState.OPEN ? refused(name, "the incident is open") : Optional.empty();
        }
        if (state == IncidentState.CONFIRMED) {
            return refused(name, "the client already confirmed the resolution; reopen the incident first");
        }
        if (command == ConfirmResolution.class) {
            return state != IncidentState.RESOLVED ? refused(name, "the issue is not resolved") : Optional.empty();
        }
        if (command == AcknowledgeIssue.class && acknowledgedAt != null) {
            return refused(name, "the issue was already acknowledged");
        }
        if (command == CompleteActionPlan.class && !planOutstanding) {
            return refused(name, "no action plan is outstanding: none was issued, or the latest was completed");
        }
        boolean onlyWhileOpen = command == AcknowledgeIssue.class || command == IssueActionPlan.class
                || command == ResolveIssue.class;
        if (onlyWhileOpen && state != IncidentState.OPEN) {
            return refused(name, "the issue is already resolved");
        }
        return Optional.empty();
    }

    private static Optional<String> refused(String command, String why) {
        return Optional.of(command + " is not allowed: " + why + ".");
    }

    @EventSourcingHandler
    void on(IncidentOpened event) {
        this.issueId = event.issueId();
        this.tenantId = event.tenantId();
        this.clientId = event.clientId();
        this.openedAt = event.openedAt();
        this.cadenceFrom = event.openedAt();
        this.state = IncidentState.OPEN;
    }

    @EventSourcingHandler
    void on(ResponseTargetsSet event) {
        targets = event;
        updateChain++;
    }

    @EventSourcingHandler
    void on(IssueAcknowledged event) {
        acknowledgedAt = event.occurredAt();
        contacted(event.occurredAt());
    }

    private void contacted(Instant at) {
        if (at.isAfter(cadenceFrom)) {
            cadenceFrom = at;
        }
    }

    @EventSourcingHandler
    void on(ActionPlanIssued event) {
        planOutstanding = true;
        if (firstPlanAt == null) {
            firstPlanAt = event.issuedAt();
        }
        contacted(event.issuedAt());
        fromPsa(event.source());
    }

    private void fromPsa(PsaOrigin source) {
        if (source != null && source.noteKey() != null) {
            psaNotes.add(source.noteKey());
        }
    }

    @EventSourcingHandler
    void on(ActionPlanCompleted event) {
        planOutstanding = false;
        contacted(event.occurredAt());
    }

    @EventSourcingHandler
    void on(ProactiveUpdateSent event) {
        updatesSent = event.number();
        contacted(event.occurredAt());
        fromPsa(event.source());
    }

    @EventSourcingHandler
    void on(ServiceDisruptionAdmitted event) {
        // a disruption the client found first is not the provider keeping them informed
        if (event.discovery() == Discovery.DISCLOSED_BY_PROVIDER) {
            contacted(event.occurredAt());
        }
    }

    @EventSourcingHandler
    void on(ResponseTargetMissed event) {
        missedPhases.add(event.phase());
    }

    @EventSourcingHandler
    void on(ProactiveUpdateOverdue event) {
        cadenceFrom = event.occurredAt();
    }

    @EventSourcingHandler
    void on(ExpectationMissed event) {
        if (event.dimensions().contains(ExpectationDimension.WHEN)) {
            resolveByMissed = event.resolveBy();
        }
    }

    @EventSourcingHandler
    void on(ClientChasedUpdate event) {
        chases = event.number();
    }

    @EventSourcingHandler
    void on(IssueResolved event) {
        state = IncidentState.RESOLVED;
        resolvedAt = event.occurredAt();
        resolvedInPsa = event.source() != null;
        if (event.source() != null) {
            psaResolvedAt = event.occurredAt();
            psaResolutionChangeAt = event.source().ticketChangeRecordedAt();
        }
    }

    @EventSourcingHandler
    void on(ResolutionConfirmed event) {
        state = IncidentState.CONFIRMED;
        confirmation = event;
    }

    @EventSourcingHandler
    void on(IssueReopened event) {
        state = IncidentState.OPEN;
        updateChain++;
        if (event.source() != null) {
            psaResolutionChangeAt = event.source().ticketChangeRecordedAt();
        }
        contacted(event.occurredAt());
    }
}
