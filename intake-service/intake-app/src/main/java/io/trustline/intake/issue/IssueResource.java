package io.trustline.intake.issue;

import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.issue.IssueCommand.ReportIssue;
import io.trustline.platform.command.IdempotencyKeys;
import io.trustline.platform.command.IdempotentCommands;
import io.trustline.platform.problem.InvalidFieldException;
import io.trustline.platform.problem.Problem;
import io.trustline.platform.problem.UnknownResourceException;
import io.trustline.platform.tenancy.ApiKeySecurityScheme;
import io.trustline.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/issues")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiKeySecurityScheme.NAME)
public class IssueResource {

    private final Clock clock = Clock.systemUTC();

    @Inject
    CommandGateway commands;
    @Inject
    QueryGateway queries;
    @Inject
    CurrentTenant tenant;
    @Inject
    IssueHistory history;

    @POST
    @Operation(summary = "Report a client's issue with the client's expectation",
            description = "Emits IssueReported and ExpectationSet on " + IntakeTopics.EVENTS + ". Answers 201 with the issue. "
                    + "With an Idempotency-Key, a retry of the same report answers 200 with the issue it created first "
                    + "and records nothing new; the same key with another report answers 422. A report with a psaTicket "
                    + "is the issue of that ticket, with or without a key (its webhooks update the same issue): the same "
                    + "report again answers 200 with the issue, another report of that ticket 409 naming the issue and "
                    + "its state REPORTED.")
    public Response report(@NotNull @Valid ReportIssueRequest request,
                           @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey,
                           @Context UriInfo uri) {
        String issueId = request.psaTicket() == null
                ? IdempotencyKeys.resourceId(tenant.id(), "issue", idempotencyKey)
                : PsaTickets.issueIdFor(tenant.id(), request.psaTicket().psa(), request.psaTicket().externalTicketId());
        URI location = uri.getAbsolutePathBuilder().path(issueId).build();
        ReportIssue command;
        try {
            command = request.toCommand(issueId, tenant.id(), clock.instant());
            commands.sendAndWait(command);
        } catch (RuntimeException refused) {
            // a new report costs no read: only a refused one may be a retry (its issue stored already, or the
            // checks of a new report, a deadline still ahead, no longer passing), which answers what was stored
            boolean mayExist = idempotencyKey != null || request.psaTicket() != null;
            Optional<IssueDetails> reportedBefore = mayExist ? history.find(issueId) : Optional.empty();
            if (reportedBefore.isPresent()) {
                return reportedAgain(request, reportedBefore.get(), location);
            }
            throw refused;
        }
        // answered from what was stored, not from the read model, which catches up on its own
        return Response.created(location).entity(IssueDetails.reported(command)).build();
    }

    /** The issue this report names exists: the same report is a retry, another one of its PSA ticket a conflict. */
    private static Response reportedAgain(ReportIssueRequest request, IssueDetails stored, URI location) {
        if (request.psaTicket() != null && !request.reports(stored)) {
            return ticketReportedAlready(stored);
        }
        IdempotencyKeys.requireSameRequest(request.reports(stored), "issue", stored.issueId());
        return replayed(stored, location);
    }

    private static Response ticketReportedAlready(IssueDetails stored) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://trustline.io/problems/psa-ticket-reported");
        problem.put("title", "This PSA ticket is an issue already");
        problem.put("status", Response.Status.CONFLICT.getStatusCode());
        problem.put("detail", "PSA ticket " + stored.psaTicket().psa() + " " + stored.psaTicket().externalTicketId()
                + " is issue " + stored.issueId() + ", reported otherwise; a ticket is one issue. State: REPORTED.");
        problem.put("state", "REPORTED");
        problem.put("issueId", stored.issueId());
        problem.put("psaTicket", stored.psaTicket());
        return Response.status(Response.Status.CONFLICT).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Response replayed(IssueDetails reported, URI location) {
        return Response.ok(reported).location(location).header(IdempotencyKeys.REPLAYED, "true").build();
    }

    @PATCH
    @Path("/{issueId}/expectation")
    @Operation(summary = "Revise the expectation of an issue: the parts that move, why, and who asked",
            description = "Emits ExpectationRevised on " + IntakeTopics.EVENTS + " with each changed part before and "
                    + "after, and whether it was asked before the deadline in force. Each part given replaces that part "
                    + "whole; parts left out are kept. Answers 200 with the expectation in force and the parts changed; "
                    + "when every part given equals the one in force, 200 with changed [] and nothing recorded. 400 "
                    + "naming the field for an occurredAt in the future or before the expectation it revises, or a new "
                    + "resolveBy before the revision; 404 for an unknown issue or another tenant's; 409 in state "
                    + "AWAITING_EXPECTATION for an issue reported from a PSA ticket whose expectation is not set yet. With an "
                    + "Idempotency-Key, a retry answers 200 with the first answer (Idempotent-Replayed: true) and "
                    + "records nothing new; the same key with another request on this issue answers 422.")
    public Response reviseExpectation(@PathParam("issueId") String issueId,
                                      @NotNull @Valid ReviseExpectationRequest request,
                                      @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey) {
        Object answer;
        try {
            answer = commands.sendAndWait(IdempotentCommands.message(
                    request.toCommand(issueId, tenant.id(), clock.instant()), idempotencyKey, request));
        } catch (InvalidRevision e) {
            throw new InvalidFieldException(e.field(), e.getMessage());
        }
        if (answer instanceof IdempotentCommands.Replayed replayed) {
            return Response.ok(ExpectationRevision.of((IssueEvent.ExpectationRevised) replayed.answer()))
                    .header(IdempotencyKeys.REPLAYED, "true").build();
        }
        if (answer instanceof Issue.Unchanged unchanged) {
            return Response.ok(ExpectationRevision.unchanged(unchanged)).build();
        }
        return Response.ok(ExpectationRevision.of((IssueEvent.ExpectationRevised) answer)).build();
    }

    @PUT
    @Path("/{issueId}/expectation")
    @Operation(summary = "Set the client's expectation of an issue reported from a PSA ticket",
            description = "Emits ExpectationSet on " + IntakeTopics.EVENTS + ". The body is the expectation of POST "
                    + "/issues. Answers 201 with it; 200 and nothing recorded when this very expectation is set already; "
                    + "409 in state EXPECTATION_SET when another one is (revise it with PATCH); 400 naming when.resolveBy "
                    + "for a deadline before now; 404 for an unknown issue or another tenant's.")
    public Response setExpectation(@PathParam("issueId") String issueId,
                                   @NotNull @Valid ReportIssueRequest.ExpectationRequest request,
                                   @Context UriInfo uri) {
        Object answer;
        try {
            answer = commands.sendAndWait(new IssueCommand.SetExpectation(issueId, tenant.id(), request.toExpectation(),
                    clock.instant()));
        } catch (InvalidRevision e) {
            throw new InvalidFieldException(e.field(), e.getMessage());
        }
        if (answer instanceof Issue.ExpectationInForce inForce) {
            return Response.ok(ExpectationDetails.of(inForce)).build();
        }
        return Response.created(uri.getAbsolutePath())
                .entity(ExpectationDetails.of((IssueEvent.ExpectationSet) answer)).build();
    }

    @POST
    @Path("/{issueId}/psa-ticket")
    @Operation(summary = "Link the issue to the ticket that tracks it in a PSA tool",
            description = "Emits PsaTicketLinked on " + IntakeTopics.EVENTS + ". Answers 201 with the link; 200 and "
                    + "nothing recorded when this ticket is linked already (by an earlier call or by the report); 409 "
                    + "naming the linked ticket (linkedTicket) when another one is; 404 for an unknown issue or another "
                    + "tenant's. Takes an Idempotency-Key as PATCH .../expectation does.")
    public Response linkPsaTicket(@PathParam("issueId") String issueId, @NotNull @Valid LinkPsaTicketRequest request,
                                  @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey,
                                  @Context UriInfo uri) {
        Object answer;
        try {
            answer = commands.sendAndWait(IdempotentCommands.message(
                    request.toCommand(issueId, tenant.id(), clock.instant()), idempotencyKey, request));
        } catch (PsaTicketAlreadyLinked e) {
            return alreadyLinked(e);
        }
        URI location = uri.getBaseUriBuilder().path(IssueResource.class).path(issueId).build();
        if (answer instanceof IdempotentCommands.Replayed replayed) {
            return Response.ok(PsaTicketLink.of((IssueEvent.PsaTicketLinked) replayed.answer())).location(location)
                    .header(IdempotencyKeys.REPLAYED, "true").build();
        }
        if (answer instanceof Issue.AlreadyLinked linked) {
            return Response.ok(PsaTicketLink.of(linked)).location(location).build();
        }
        return Response.created(location).entity(PsaTicketLink.of((IssueEvent.PsaTicketLinked) answer)).build();
    }

    private static Response alreadyLinked(PsaTicketAlreadyLinked e) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://trustline.io/problems/psa-ticket-already-linked");
        problem.put("title", "Another PSA ticket is linked");
        problem.put("status", Response.Status.CONFLICT.getStatusCode());
        problem.put("detail", e.getMessage());
        problem.put("linkedTicket", e.linked());
        return Response.status(Response.Status.CONFLICT).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @GET
    @Path("/{issueId}")
    @Operation(summary = "One issue of your tenant, with its expectation")
    public IssueDetails get(@PathParam("issueId") String issueId) {
        return find(issueId).orElseThrow(() -> new UnknownResourceException("issue", issueId));
    }

    private Optional<IssueDetails> find(String issueId) {
        return queries.query(new GetIssueById(tenant.id(), issueId), ResponseTypes.optionalInstanceOf(IssueDetails.class))
                .join();
    }
}
