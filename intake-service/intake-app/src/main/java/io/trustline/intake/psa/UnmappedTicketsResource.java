package io.trustline.intake.psa;

import io.trustline.intake.integration.TenantIntegrations;
import io.trustline.platform.problem.UnknownResourceException;
import io.trustline.platform.tenancy.ApiKeySecurityScheme;
import io.trustline.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/integrations/{integrationId}/unmapped")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiKeySecurityScheme.NAME)
public class UnmappedTicketsResource {

    @Inject
    CurrentTenant tenant;
    @Inject
    TenantIntegrations integrations;
    @Inject
    ParkedTickets parked;

    @GET
    @Operation(summary = "The PSA tickets parked because their company is not mapped to a client",
            description = "In the order their first change arrived. Map their companies (PUT .../company-mappings) and "
                    + "they are recorded, in arrival order, before that PUT answers.")
    public UnmappedTickets list(@PathParam("integrationId") String integrationId) {
        integrations.find(tenant.id(), integrationId)
                .orElseThrow(() -> new UnknownResourceException("integration", integrationId));
        return new UnmappedTickets(integrationId, parked.tickets(tenant.id(), integrationId));
    }
}
