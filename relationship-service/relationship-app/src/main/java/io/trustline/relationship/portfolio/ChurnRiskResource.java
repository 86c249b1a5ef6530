package io.trustline.relationship.portfolio;

import io.trustline.platform.tenancy.ApiKeySecurityScheme;
import io.trustline.platform.tenancy.CurrentTenant;
import io.trustline.relationship.timeline.AsOfParameter;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
public class ChurnRiskResource {

    @Inject
    ChurnRiskQueries queries;
    @Inject
    CurrentTenant tenant;

    @GET
    @Path("/{clientId}/churn-risk")
    @Operation(summary = "How likely a client is to leave, and why",
            description = "The churn-risk level (HIGH, MEDIUM, LOW or NONE) and every cause, each naming the events "
                    + "behind it (id, type, time; weekly clock ticks for decay). Computed from the client's events "
                    + "and the clock ticks up to asOf. 404 for a client with no events yet; 400 naming a bad "
                    + "parameter.")
    public ClientChurnRisk churnRisk(
            @PathParam("clientId") @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+") String clientId,
            @Parameter(description = "The risk as it stood then (RFC 3339, e.g. 2026-03-31T00:00:00Z). Default: now.")
            @QueryParam("asOf") @Size(max = 40) @Pattern(regexp = AsOfParameter.DATE_TIME) String asOf) {
        return queries.churnRisk(tenant.id(), clientId, AsOfParameter.parse(asOf));
    }
}
