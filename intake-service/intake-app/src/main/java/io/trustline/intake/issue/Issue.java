package io.trustline.intake.issue;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.trustline.intake.api.Expectation;
import io.trustline.intake.api.PsaTicketRef;
import io.trustline.intake.api.PsaTool;
import io.trustline.intake.issue.IssueCommand.LinkPsaTicket;
import io.trustline.intake.issue.IssueCommand.OnReportedIssue;
import io.trustline.intake.issue.IssueCommand.PsaTicketFacts;
import io.trustline.intake.issue.IssueCommand.RecordPsaTicketChange;
import io.trustline.intake.issue.IssueCommand.ReportIssue;
import io.trustline.intake.issue.IssueCommand.ReviseExpectation;
import io.trustline.intake.issue.IssueCommand.SetExpectation;
import io.trustline.intake.issue.IssueEvent.ExpectationRevised;
import io.trustline.intake.issue.IssueEvent.ExpectationSet;
import io.trustline.intake.issue.IssueEvent.IssueReported;
import io.trustline.intake.issue.IssueEvent.PsaTicketLinked;
import io.trustline.intake.issue.IssueEvent.PsaTicketUpdated;
import io.trustline.platform.command.IdempotencyLedger;
import io.trustline.platform.command.IdempotentCommands;
import io.trustline.platform.domain.CommandNotAllowed;
import io.trustline.platform.domain.TenantOwnership;
import io.trustline.intake.api.Reporter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * An issue a client reported, with the expectation agreed for it, how that expectation moved since, and the PSA
 * ticket it is linked to. An issue reported from a PSA ticket's webhook waits for its expectation
 * ({@link SetExpectation}) and follows the ticket's changes ({@link PsaTicketProgress}).
 */
public class Issue {

    @AggregateIdentifier
    private String issueId;
    private String tenantId;
    private String clientId;
    private Instant reportedAt;
    private Expectation expectation;
    /** When the expectation in force was set or last revised: a revision recorded after the fact is not older. */
    private Instant expectationSince;
    private PsaTicketRef psaTicket;
    private String psaTicketUrl;
    private final PsaTicketProgress psaProgress = new PsaTicketProgress();
    @AggregateMember
    private final IdempotencyLedger ledger = new IdempotencyLedger();

    protected Issue() {
        // for Axon's event sourcing
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(ReportIssue command) {
        apply(new IssueReported(command.issueId(), command.tenantId(), command.clientId(), command.summary(),
                command.description(), command.reportedBy(), command.channel(), command.psaTicket(),
                command.priority(), command.reportedAt()));
        // seed 001: the expectation is asked for and recorded with the report, before work starts
        apply(new ExpectationSet(command.issueId(), command.tenantId(), command.clientId(), command.expectation(),
                command.reportedAt()));
    }

    /** A retry with an {@code Idempotency-Key} this issue answered before gets that first answer, nothing new. */
    @CommandHandlerInterceptor
    Object answerARetry(CommandMessage<?> message, InterceptorChain chain) throws Exception {
        if (message.getPayload() instanceof OnReportedIssue command && IdempotentCommands.key(message.getMetaData()) != null) {
            // before the ledger: another tenant's key must not learn that this issue exists, let alone its answers
            TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "issue", issueId);
            Optional<IdempotentCommands.Replayed> first = ledger.replay(message.getMetaData(), "issue", issueId);
            if (first.isPresent()) {
                return first.get();
            }
        }
        return chain.proceed();
    }

    /**
     * @return the stored {@link ExpectationRevised}, or {@link Unchanged} when every part given equals the one in
     *         force (nothing is stored)
     * @throws InvalidRevision when {@code occurredAt} is in the future, before the report or before the expectation
     *         it revises, or the new resolveBy is before the revision
     */
    @CommandHandler
    Object handle(ReviseExpectation command) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "issue", command.issueId());
        Instant at = revisionMoment(command);
        Expectation after = revisedExpectation(command, at);
        if (after == null) {
            return new Unchanged(issueId, clientId, expectation);
        }
        // seed 001: more time asked for before the deadline is a conversation; after it, an excuse
        Boolean beforeDeadline = !at.isAfter(expectation.when().resolveBy());
        ExpectationRevised revised = new ExpectationRevised(issueId, tenantId, clientId, expectation, after,
                command.reason(), command.requestedBy(), beforeDeadline, at);
        apply(revised);
        return revised;
    }

    // kept apart from the handlers that read the tenant: the architecture rule allows one tenant comparison, theirs
    private Instant revisionMoment(ReviseExpectation command) {
        if (expectation == null) {
            throw new CommandNotAllowed("AWAITING_EXPECTATION", List.of(SetExpectation.class.getSimpleName()),
                    "Issue " + issueId + " was reported from a PSA ticket and has no expectation to revise yet; set it "
                            + "with PUT /issues/" + issueId + "/expectation.");
        }
        Instant at = command.occurredAt() == null ? command.recordedAt() : command.occurredAt();
        if (at.isAfter(command.recordedAt())) {
            throw new InvalidRevision("occurredAt", "is in the future (now " + command.recordedAt() + ").");
        }
        if (at.isBefore(expectationSince)) {
            throw new InvalidRevision("occurredAt", "is before the expectation it revises was set or last revised ("
                    + expectationSince + ").");
        }
        return at;
    }

    /** The expectation the command makes, or null when it equals the one in force. */
    private Expectation revisedExpectation(ReviseExpectation command, Instant at) {
        Expectation after = new Expectation(
                command.who() == null ? expectation.who() : command.who(),
                command.what() == null ? expectation.what() : command.what(),
                command.when() == null ? expectation.when() : command.when(),
                command.where() == null ? expectation.where() : command.where(),
                command.how() == null ? expectation.how() : command.how());
        if (after.equals(expectation)) {
            return null;
        }
        if (!after.when().equals(expectation.when()) && after.when().resolveBy().isBefore(at)) {
            throw new InvalidRevision("when.resolveBy", "is before the revision (" + at
                    + "); the new deadline must be later.");
        }
        return after;
    }

    /**
     * @return the stored {@link PsaTicketLinked}, or {@link AlreadyLinked} when this very ticket is linked already
     *         (nothing is stored)
     * @throws PsaTicketAlreadyLinked when another ticket is linked
     */
    @CommandHandler
    Object handle(LinkPsaTicket command) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "issue", command.issueId());
        if (linkedAlready(command)) {
            return new AlreadyLinked(issueId, clientId, psaTicket, psaTicketUrl);
        }
        PsaTicketLinked linked = new PsaTicketLinked(issueId, tenantId, clientId, command.psa(),
                command.externalTicketId(), command.url(), command.linkedAt());
        apply(linked);
        return linked;
    }

    /** @throws PsaTicketAlreadyLinked when another ticket is linked */
    private boolean linkedAlready(LinkPsaTicket command) {
        if (psaTicket == null) {
            return false;
        }
        if (sameTool(command.psa(), psaTicket.psa()) && psaTicket.externalTicketId().equals(command.externalTicketId())) {
            return true;
        }
        throw new PsaTicketAlreadyLinked(issueId, psaTicket);
    }

    /** A report's PSA is free text ({@code HALOPSA} by convention for Halo); a link names the tool exactly. */
    private static boolean sameTool(PsaTool tool, String psa) {
        return tool.name().equalsIgnoreCase(psa) || (tool == PsaTool.HALO && "HALOPSA".equalsIgnoreCase(psa));
    }

    /**
     * @return the stored {@link ExpectationSet}, or {@link ExpectationInForce} when this very expectation is set
     *         already (nothing is stored)
     * @throws CommandNotAllowed in state {@code EXPECTATION_SET} when another expectation is set: revise it instead
     * @throws InvalidRevision when its resolveBy is before the moment it is set
     */
    @CommandHandler
    Object handle(SetExpectation command) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "issue", command.issueId());
        Optional<ExpectationInForce> setAlready = expectationSetAlready(command.expectation(), command.setAt());
        if (setAlready.isPresent()) {
            return setAlready.get();
        }
        ExpectationSet set = new ExpectationSet(issueId, tenantId, clientId, command.expectation(), command.setAt());
        apply(set);
        return set;
    }

    /**
     * @throws CommandNotAllowed when another expectation is set
     * @throws InvalidRevision   when the asked one's resolveBy is before {@code at}
     */
    private Optional<ExpectationInForce> expectationSetAlready(Expectation asked, Instant at) {
        if (expectation != null) {
            if (expectation.equals(asked)) {
                return Optional.of(new ExpectationInForce(issueId, clientId, expectation, expectationSince));
            }
            throw new CommandNotAllowed("EXPECTATION_SET", List.of(ReviseExpectation.class.getSimpleName()),
                    "Issue " + issueId + " has its expectation set already; revise it with PATCH /issues/" + issueId
                            + "/expectation.");
        }
        if (asked.when().resolveBy().isBefore(at)) {
            throw new InvalidRevision("when.resolveBy", "is before the expectation is set (" + at
                    + "); the client's deadline must be later.");
        }
        return Optional.empty();
    }

    /**
     * A PSA ticket's change. The ticket's first change reports the issue (no expectation yet: the client's is set
     * through the API) and records the ticket as the PSA sent it; later ones record what moved.
     *
     * @throws PsaTicketNotTracked when the ticket is no issue yet and the change names no mapped company
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    PsaTicketOutcome handle(RecordPsaTicketChange command) {
        if (issueId == null) {
            return reportFromTicket(command);
        }
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "issue", command.issueId());
        return recordTicketChange(command.ticket(), command.recordedAt());
    }

    private PsaTicketOutcome reportFromTicket(RecordPsaTicketChange command) {
        PsaTicketFacts ticket = command.ticket();
        if (command.clientId() == null) {
            throw new PsaTicketNotTracked(ticket.externalTicketId());
        }
        apply(new IssueReported(command.issueId(), command.tenantId(), command.clientId(), summaryOf(ticket),
                ticket.description(), reporterOf(ticket), "PSA",
                new PsaTicketRef(ticket.psa().name(), ticket.externalTicketId()), ticket.priority(),
                reportedAt(ticket.createdAt(), command.recordedAt())));
        apply(ticketUpdated(ticket, command.recordedAt()));
        return PsaTicketOutcome.REPORTED;
    }

    private PsaTicketOutcome recordTicketChange(PsaTicketFacts ticket, Instant recordedAt) {
        return switch (psaProgress.judge(ticket)) {
            case STALE -> PsaTicketOutcome.STALE;
            case UNCHANGED -> PsaTicketOutcome.UNCHANGED;
            case CHANGED -> {
                apply(ticketUpdated(ticket, recordedAt));
                yield PsaTicketOutcome.UPDATED;
            }
        };
    }

    private PsaTicketUpdated ticketUpdated(PsaTicketFacts ticket, Instant recordedAt) {
        PsaTicketProgress.Milestones after = psaProgress.after(ticket);
        return new PsaTicketUpdated(issueId, tenantId, clientId, ticket.psa(), ticket.externalTicketId(),
                ticket.deliveryId(), ticket.sequence(), ticket.changedAt(), after.status(), after.respondedAt(),
                after.planAt(), after.resolvedAt(), psaProgress.newNote(ticket), recordedAt);
    }

    private static String summaryOf(PsaTicketFacts ticket) {
        return ticket.summary() != null ? ticket.summary()
                : ticket.psa().name() + " ticket " + ticket.externalTicketId();
    }

    private static Reporter reporterOf(PsaTicketFacts ticket) {
        return ticket.contact() != null ? ticket.contact()
                : new Reporter("the contact of " + ticket.psa().name() + " ticket " + ticket.externalTicketId(), null, null);
    }

    /** The ticket's creation, when the PSA says and it is not ahead of our clock; else the moment it arrived. */
    private static Instant reportedAt(Instant createdAt, Instant recordedAt) {
        return createdAt == null || createdAt.isAfter(recordedAt) ? recordedAt : createdAt;
    }

    @EventSourcingHandler
    void on(IssueReported event) {
        this.issueId = event.issueId();
        this.tenantId = event.tenantId();
        this.clientId = event.clientId();
        this.reportedAt = event.reportedAt();
        this.psaTicket = event.psaTicket();
    }

    @EventSourcingHandler
    void on(ExpectationSet event) {
        this.expectation = event.expectation();
        this.expectationSince = event.setAt();
    }

    @EventSourcingHandler
    void on(ExpectationRevised event) {
        this.expectation = event.after();
        this.expectationSince = event.occurredAt();
    }

    @EventSourcingHandler
    void on(PsaTicketLinked event) {
        this.psaTicket = new PsaTicketRef(event.psa().name(), event.externalTicketId());
        this.psaTicketUrl = event.url();
    }

    @EventSourcingHandler
    void on(PsaTicketUpdated event) {
        psaProgress.recorded(event);
    }

    /** The answer to setting the expectation that is set already. */
    record ExpectationInForce(String issueId, String clientId, Expectation expectation, Instant setAt) {
    }

    /** The answer to a revision that changes nothing: the expectation in force. */
    record Unchanged(String issueId, String clientId, Expectation expectation) {
    }

    /** The answer to linking the ticket that is linked already. */
    record AlreadyLinked(String issueId, String clientId, PsaTicketRef psaTicket, String url) {
    }
}
