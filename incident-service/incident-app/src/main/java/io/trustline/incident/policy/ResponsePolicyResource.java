package io.trustline.incident.policy;

import io.trustline.platform.tenancy.ApiKeySecurityScheme;
import io.trustline.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/policies/response")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiKeySecurityScheme.NAME)
public class ResponsePolicyResource {

    private final Clock clock = Clock.systemUTC();

    @Inject
    ResponsePolicies policies;
    @Inject
    CurrentTenant tenant;

    @GET
    @Operation(summary = "The tenant's response policy: targets per impact × scope",
            description = "The built-in policy (version 0, the targets of the scoring model trustline-default@1) "
                    + "until the tenant sets its own.")
    public ResponsePolicyDetails get() {
        return ResponsePolicyDetails.of(policies.current(tenant.id()));
    }

    @PUT
    @Operation(summary = "Set the tenant's response policy: the whole table",
            description = "Stores the next version and answers it. Incidents whose expectation is learnt from now on "
                    + "take their targets from it; targets already recorded stay. 400 names each faulty cell.")
    public ResponsePolicyDetails put(@NotNull @Valid SetResponsePolicyRequest request) {
        return ResponsePolicyDetails.of(policies.setNext(tenant.id(), request, clock.instant()));
    }
}
