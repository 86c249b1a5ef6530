package io.trustline.relationship.timeline;

import io.trustline.platform.rest.OpaqueCursor;
import io.trustline.platform.tenancy.ApiKeySecurityScheme;
import io.trustline.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/clients")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiKeySecurityScheme.NAME)
public class TimelineResource {

    @Inject
    TimelineQueries queries;
    @Inject
    CurrentTenant tenant;

    @GET
    @Path("/{clientId}/timeline")
    @Operation(summary = "A client's trust and loyalty timeline, every change explained",
            description = "One point per scored event (and per weekly clock tick that moved a score): the event, trust "
                    + "and loyalty before and after, and each change with the model's rule id and a sentence. In the "
                    + "order things happened; follow nextCursor for the next page (null on the last). 404 for a "
                    + "client with no events yet; 400 naming the parameter for an unknown model or a bad value.")
    public ClientTimeline timeline(
            @PathParam("clientId") @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+") String clientId,
            @Parameter(description = "The timeline as it stood then: events that occurred up to this instant, clock "
                    + "ticks up to it (RFC 3339, e.g. 2026-03-31T00:00:00Z). Default: up to the client's latest event.")
            @QueryParam("asOf") @Size(max = 40) @Pattern(regexp = AsOfParameter.DATE_TIME) String asOf,
            @Parameter(description = "What if this model had scored it: a model id name@version the service knows. "
                    + "Default: the model that scores the tenant.")
            @QueryParam("model") @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+@[0-9]+") String model,
            @Parameter(description = "Points per page.")
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @Parameter(description = "nextCursor of the previous page, as it came.")
            @QueryParam("cursor") @Size(max = 400) @Pattern(regexp = "[A-Za-z0-9_-]+") String cursor) {
        return queries.timeline(tenant.id(), clientId, AsOfParameter.parse(asOf), model, OpaqueCursor.decode(cursor),
                limit);
    }
}
