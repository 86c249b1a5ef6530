package io.trustline.intake.issue;

import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.issue.IssueCommand.ReportIssue;
import io.trustline.platform.command.IdempotencyKeys;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateStreamCreationException;
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
                    + "and records nothing new; the same key with another report answers 422.")
    public Response report(@NotNull @Valid ReportIssueRequest request,
                           @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey,
                           @Context UriInfo uri) {
        String issueId = IdempotencyKeys.resourceId(tenant.id(), "issue", idempotencyKey);
        URI location = uri.getAbsolutePathBuilder().path(issueId).build();
        // a retry answers what the first call stored, even once the checks of a new report (a deadline
        // still ahead) would no longer pass
        Optional<IssueDetails> reportedBefore = idempotencyKey == null ? Optional.empty() : history.find(issueId);
        if (reportedBefore.isPresent()) {
            IdempotencyKeys.requireSameRequest(request.reports(reportedBefore.get()), "issue", issueId);
            return replayed(reportedBefore.get(), location);
        }
        ReportIssue command = request.toCommand(issueId, tenant.id(), clock.instant());
        try {
            commands.sendAndWait(command);
        } catch (AggregateStreamCreationException reportedConcurrently) {
            IssueDetails stored = history.find(issueId).orElseThrow();
            IdempotencyKeys.requireSameRequest(request.reports(stored), "issue", issueId);
            return replayed(stored, location);
        }
        // answered from what was stored, not from the read model, which catches up on its own
        return Response.created(location).entity(IssueDetails.reported(command)).build();
    }

    private static Response replayed(IssueDetails reported, URI location) {
        return Response.ok(reported).location(location).header(IdempotencyKeys.REPLAYED, "true").build();
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
