package io.trustline.relationship.timeline;

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

@Path("/clients")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiKeySecurityScheme.NAME)
public class TimelineResource {

    @Inject
    ClientTimelines timelines;
    @Inject
    CurrentTenant tenant;

    @GET
    @Path("/{clientId}/timeline")
    @Operation(summary = "A client's relationship events in the order they happened",
            description = "Each entry names its event type, event id and time. 404 for a client with no events yet.")
    public ClientTimeline timeline(@PathParam("clientId") String clientId) {
        return timelines.find(tenant.id(), clientId).orElseThrow(() -> new UnknownResourceException("client", clientId));
    }
}
