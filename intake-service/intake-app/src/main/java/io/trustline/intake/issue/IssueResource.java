package io.trustline.intake.issue;

import io.trustline.platform.problem.UnknownResourceException;
import io.trustline.platform.tenancy.ApiKeySecurityScheme;
import io.trustline.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
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

    @POST
    @Operation(summary = "Report a client's issue with the client's expectation",
            description = "Emits IssueReported and ExpectationSet on trustline.intake.v1. Answers 201 with the issue.")
    public Response report(@NotNull @Valid ReportIssueRequest request, @Context UriInfo uri) {
        String issueId = UUID.randomUUID().toString();
        commands.sendAndWait(request.toCommand(issueId, tenant.id(), clock.instant()));
        IssueDetails created = find(issueId).orElseThrow(() -> new IllegalStateException("issue " + issueId + " not projected"));
        return Response.created(uri.getAbsolutePathBuilder().path(issueId).build()).entity(created).build();
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
