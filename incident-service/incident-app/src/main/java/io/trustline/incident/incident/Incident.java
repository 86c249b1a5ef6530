package io.trustline.incident.incident;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.trustline.incident.incident.IncidentCommand.AcknowledgeIssue;
import io.trustline.incident.incident.IncidentCommand.AdmitServiceDisruption;
import io.trustline.incident.incident.IncidentCommand.CompleteActionPlan;
import io.trustline.incident.incident.IncidentCommand.ConfirmResolution;
import io.trustline.incident.incident.IncidentCommand.IssueActionPlan;
import io.trustline.incident.incident.IncidentCommand.OpenIncident;
import io.trustline.incident.incident.IncidentCommand.RecordClientChase;
import io.trustline.incident.incident.IncidentCommand.RecordMiscommunication;
import io.trustline.incident.incident.IncidentCommand.RecordsAMoment;
import io.trustline.incident.incident.IncidentCommand.ReopenIssue;
import io.trustline.incident.incident.IncidentCommand.ResolveIssue;
import io.trustline.incident.incident.IncidentCommand.SendProactiveUpdate;
import io.trustline.incident.incident.IncidentCommand.SetResponseTargets;
import io.trustline.incident.incident.IncidentEvent.ActionPlanCompleted;
import io.trustline.incident.incident.IncidentEvent.ActionPlanIssued;
import io.trustline.incident.incident.IncidentEvent.ClientChasedUpdate;
import io.trustline.incident.incident.IncidentEvent.IncidentOpened;
import io.trustline.incident.incident.IncidentEvent.IssueAcknowledged;
import io.trustline.incident.incident.IncidentEvent.IssueReopened;
import io.trustline.incident.incident.IncidentEvent.IssueResolved;
import io.trustline.incident.incident.IncidentEvent.MiscommunicationRecorded;
import io.trustline.incident.incident.IncidentEvent.ProactiveUpdateSent;
import io.trustline.incident.incident.IncidentEvent.ResolutionConfirmed;
import io.trustline.incident.incident.IncidentEvent.ResponseTargetsSet;
import io.trustline.incident.incident.IncidentEvent.ServiceDisruptionAdmitted;
import io.trustline.platform.command.IdempotencyLedger;
import io.trustline.platform.command.IdempotentCommands;
import io.trustline.platform.domain.CommandNotAllowed;
import io.trustline.platform.domain.TenantOwnership;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
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
    private boolean acknowledged;
    private boolean planOutstanding;
    private int updatesSent;
    private int chases;
    private ResponseTargetsSet targets;
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
    void handle(SetResponseTargets command) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "incident", command.issueId());
        Instant resolveBy = command.clientResolveBy() != null ? command.clientResolveBy() : openedAt.plus(command.resolve());
        ResponseTargetsSet next = new ResponseTargetsSet(issueId, tenantId, clientId, openedAt.plus(command.acknowledge()),
                openedAt.plus(command.actionPlan()), command.updateEvery(), resolveBy, command.policyVersion(),
                command.occurredAt());
        // an expectation delivered again, or revised to the same deadlines, is not news
        if (!next.sameTargetsAs(targets)) {
            apply(next);
        }
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
        return record(new IssueAcknowledged(issueId, tenantId, clientId, command.by(), command.note(),
                allowedAt(command)));
    }

    @CommandHandler
    ActionPlanIssued handle(IssueActionPlan command) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "incident", command.issueId());
        return record(new ActionPlanIssued(issueId, tenantId, clientId, command.steps(), command.owner(),
                command.eta(), allowedAt(command)));
    }

    @CommandHandler
    ActionPlanCompleted handle(CompleteActionPlan command) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "incident", command.issueId());
        return record(new ActionPlanCompleted(issueId, tenantId, clientId, command.note(), allowedAt(command)));
    }

    @CommandHandler
    ProactiveUpdateSent handle(SendProactiveUpdate command) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "incident", command.issueId());
        Instant at = allowedAt(command);
        return record(new ProactiveUpdateSent(issueId, tenantId, clientId, command.message(), command.channel(),
                updatesSent + 1, at));
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
        return record(new ServiceDisruptionAdmitted(issueId, tenantId, clientId, command.discovery(),
                command.whatHappened(), allowedAt(command)));
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
        return record(new IssueResolved(issueId, tenantId, clientId, command.summary(), allowedAt(command)));
    }

    @CommandHandler
    ResolutionConfirmed handle(ConfirmResolution command) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "incident", command.issueId());
        return record(new ResolutionConfirmed(issueId, tenantId, clientId, command.howCriteriaMet(),
                command.checks(), command.comment(), allowedAt(command)));
    }

    @CommandHandler
    IssueReopened handle(ReopenIssue command) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "incident", command.issueId());
        return record(new IssueReopened(issueId, tenantId, clientId, command.reason(), allowedAt(command)));
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
        if (command == AcknowledgeIssue.class && acknowledged) {
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
        this.state = IncidentState.OPEN;
    }

    @EventSourcingHandler
    void on(ResponseTargetsSet event) {
        targets = event;
    }

    @EventSourcingHandler
    void on(IssueAcknowledged event) {
        acknowledged = true;
    }

    @EventSourcingHandler
    void on(ActionPlanIssued event) {
        planOutstanding = true;
    }

    @EventSourcingHandler
    void on(ActionPlanCompleted event) {
        planOutstanding = false;
    }

    @EventSourcingHandler
    void on(ProactiveUpdateSent event) {
        updatesSent = event.number();
    }

    @EventSourcingHandler
    void on(ClientChasedUpdate event) {
        chases = event.number();
    }

    @EventSourcingHandler
    void on(IssueResolved event) {
        state = IncidentState.RESOLVED;
    }

    @EventSourcingHandler
    void on(ResolutionConfirmed event) {
        state = IncidentState.CONFIRMED;
    }

    @EventSourcingHandler
    void on(IssueReopened event) {
        state = IncidentState.OPEN;
    }
}
