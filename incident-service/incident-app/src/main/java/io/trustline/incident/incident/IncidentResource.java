package io.trustline.incident.incident;

import io.trustline.incident.api.IncidentTopics;
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
import jakarta.ws.rs.core.UriBuilder;
import java.time.Clock;
import io.trustline.incident.incident.IncidentEvent.ActionPlanIssued;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiKeySecurityScheme.NAME)
public class IncidentResource {

    private final Clock clock = Clock.systemUTC();

    @Inject
    CommandGateway commands;
    @Inject
    QueryGateway queries;
    @Inject
    CurrentTenant tenant;

    @GET
    @Path("/{issueId}")
    @Operation(summary = "The incident opened for a reported issue, with its action plan")
    public IncidentDetails get(@PathParam("issueId") String issueId) {
        return find(issueId);
    }

    @POST
    @Path("/{issueId}/action-plan")
    @Operation(summary = "Issue an action plan for the incident",
            description = "Emits ActionPlanIssued on " + IncidentTopics.EVENTS + ". Answers 201 with the action plan "
                    + "as stored (the incident's summary and opening time are on GET).")
    public Response issueActionPlan(@PathParam("issueId") String issueId, @NotNull @Valid IssueActionPlanRequest request) {
        ActionPlanIssued issued = commands.sendAndWait(request.toCommand(issueId, tenant.id(), clock.instant()));
        return Response.created(UriBuilder.fromResource(IncidentResource.class).path(issueId).build())
                .entity(IncidentDetails.withIssued(issued)).build();
    }

    private IncidentDetails find(String issueId) {
        return queries.query(new GetIncidentById(tenant.id(), issueId), ResponseTypes.optionalInstanceOf(IncidentDetails.class))
                .join()
                .orElseThrow(() -> new UnknownResourceException("incident", issueId));
    }
}
