package io.trustline.intake.integration;

import io.trustline.platform.command.IdempotencyKeys;
import io.trustline.platform.problem.UnknownResourceException;
import io.trustline.platform.rest.OpaqueCursor;
import io.trustline.platform.tenancy.ApiKeySecurityScheme;
import io.trustline.platform.tenancy.CurrentTenant;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/integrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiKeySecurityScheme.NAME)
public class IntegrationResource {

    private final Clock clock = Clock.systemUTC();

    @Inject
    CurrentTenant tenant;
    @Inject
    Integrations integrations;
    @Inject
    CompanyMappings mappings;
    @Inject
    Event<CompanyMappingsReplaced> mappingsReplaced;

    @POST
    @Operation(summary = "Connect a PSA (ConnectWise, Autotask or Halo)",
            description = "Stores the integration with its secrets encrypted and answers 201 with it (never with its "
                    + "secrets) and the receiverUrl to point the PSA's webhooks at. With an Idempotency-Key, a retry of "
                    + "the same request answers 200 with the integration it created first; the same key with another "
                    + "request answers 422.")
    public Response create(@NotNull @Valid CreateIntegrationRequest request,
                           @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey,
                           @Context UriInfo uri) {
        IntegrationCredentials credentials = request.credentials();
        String id = IdempotencyKeys.resourceId(tenant.id(), "integration", idempotencyKey);
        URI location = uri.getAbsolutePathBuilder().path(id).build();
        // Mongo keeps milliseconds: answer the instant as it will read back
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        IntegrationDetails integration = new IntegrationDetails(id, request.kind(), request.name(),
                IntegrationDetails.receiverUrl(id), createdAt,
                request.allowedKeyHosts() == null ? List.of() : List.copyOf(request.allowedKeyHosts()),
                IntegrationDetails.secretsSet(request.kind()));
        if (integrations.create(tenant.id(), integration, credentials)) {
            return Response.created(location).entity(integration).build();
        }
        IntegrationDetails stored = integrations.find(tenant.id(), id).orElseThrow();
        IdempotencyKeys.requireSameRequest(
                request.creates(stored, integrations.credentials(tenant.id(), id).orElseThrow()), "integration", id);
        return Response.ok(stored).location(location).header(IdempotencyKeys.REPLAYED, "true").build();
    }

    @GET
    @Operation(summary = "Your tenant's integrations, in id order, without secrets",
            description = "Follow nextCursor for the next page (null on the last).")
    public IntegrationPage list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                                @QueryParam("cursor") @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9_-]+") String cursor) {
        Integrations.Page page = integrations.page(tenant.id(), OpaqueCursor.decode(cursor), limit);
        return new IntegrationPage(page.items(), OpaqueCursor.encode(page.lastId()));
    }

    @GET
    @Path("/{integrationId}")
    @Operation(summary = "One integration of your tenant, without its secrets")
    public IntegrationDetails get(@PathParam("integrationId") String integrationId) {
        return integrations.find(tenant.id(), integrationId)
                .orElseThrow(() -> new UnknownResourceException("integration", integrationId));
    }

    @PUT
    @Path("/{integrationId}/company-mappings")
    @Operation(summary = "Replace which Trustline client each PSA company is",
            description = "Replaces the whole set (at most " + ReplaceCompanyMappingsRequest.MAX_MAPPINGS
                    + " mappings, each psaCompanyId once) and answers it, once the parked PSA tickets of the companies "
                    + "it maps are recorded, in the order they arrived (GET .../unmapped lists those still parked). "
                    + "Should that fail midway, the mappings are stored and what was not recorded stays parked: the "
                    + "same PUT again records the rest.")
    public CompanyMappingsDetails replaceMappings(@PathParam("integrationId") String integrationId,
                                                  @NotNull @Valid ReplaceCompanyMappingsRequest request) {
        get(integrationId);
        mappings.replace(tenant.id(), integrationId, request.distinctMappings(), clock.instant());
        mappingsReplaced.fire(new CompanyMappingsReplaced(tenant.id(), integrationId));
        return new CompanyMappingsDetails(integrationId, request.mappings());
    }

    @GET
    @Path("/{integrationId}/company-mappings")
    @Operation(summary = "Which Trustline client each PSA company is, for one integration")
    public CompanyMappingsDetails mappings(@PathParam("integrationId") String integrationId) {
        get(integrationId);
        return new CompanyMappingsDetails(integrationId, mappings.of(tenant.id(), integrationId));
    }
}
