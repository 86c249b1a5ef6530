package io.trustline.notification.webhooks;

import io.trustline.notification.webhooks.WebhookEndpointQueries.GetWebhookEndpointById;
import io.trustline.notification.webhooks.WebhookEndpointQueries.ListWebhookEndpoints;
import io.trustline.notification.webhooks.WebhookEndpointCommand.RegisterWebhookEndpoint;
import io.trustline.notification.targets.TargetAddressGuard;
import io.trustline.platform.command.IdempotencyKeys;
import io.trustline.platform.problem.UnknownResourceException;
import io.trustline.platform.tenancy.ApiKeySecurityScheme;
import io.trustline.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Clock;
import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/webhooks/endpoints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiKeySecurityScheme.NAME)
public class WebhookEndpointResource {

    private final Clock clock = Clock.systemUTC();

    @Inject
    CommandGateway commands;
    @Inject
    QueryGateway queries;
    @Inject
    CurrentTenant tenant;
    @Inject
    WebhookEndpointHistory history;
    @Inject
    TargetAddressGuard targets;

    @POST
    @Operation(summary = "Register a partner URL for CloudEvent types",
            description = "Each event of your tenant of those types is POSTed there as a structured CloudEvent "
                    + "(application/cloudevents+json). Answers 201 with the endpoint. With an Idempotency-Key, a "
                    + "retry answers 200 with the endpoint the first call registered and registers nothing new; the same key "
                    + "with another endpoint answers 422. The URL must be https and its host must resolve to public "
                    + "addresses only (no loopback, private, link-local or cloud metadata address): 400 otherwise.")
    public Response register(@NotNull @Valid RegisterWebhookEndpointRequest request,
                             @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey) {
        request.checkTarget(targets);
        String endpointId = IdempotencyKeys.resourceId(tenant.id(), "webhook-endpoint", idempotencyKey);
        URI location = UriBuilder.fromResource(WebhookEndpointResource.class).path(endpointId).build();
        RegisterWebhookEndpoint command = request.toCommand(endpointId, tenant.id(), clock.instant());
        try {
            commands.sendAndWait(command);
        } catch (AggregateStreamCreationException alreadyRegistered) {
            WebhookEndpointDetails registered = history.registeredEarlier(endpointId);
            IdempotencyKeys.requireSameRequest(request.registers(registered), "webhook endpoint", endpointId);
            return Response.ok(registered).location(location).header(IdempotencyKeys.REPLAYED, "true").build();
        }
        return Response.created(location).entity(WebhookEndpointDetails.registered(command)).build();
    }

    @GET
    @Operation(summary = "Your tenant's webhook endpoints")
    public TenantWebhookEndpoints list() {
        return queries.query(new ListWebhookEndpoints(tenant.id()), TenantWebhookEndpoints.class).join();
    }

    @GET
    @Path("/{endpointId}")
    @Operation(summary = "One webhook endpoint of your tenant")
    public WebhookEndpointDetails get(@PathParam("endpointId") String endpointId) {
        return queries.query(new GetWebhookEndpointById(tenant.id(), endpointId),
                        ResponseTypes.optionalInstanceOf(WebhookEndpointDetails.class))
                .join()
                .orElseThrow(() -> new UnknownResourceException("webhook endpoint", endpointId));
    }
}
