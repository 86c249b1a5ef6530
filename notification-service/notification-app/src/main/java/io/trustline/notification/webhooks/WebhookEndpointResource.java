package io.trustline.notification.webhooks;

import io.trustline.notification.webhooks.WebhookEndpointQueries.GetWebhookEndpointById;
import io.trustline.notification.webhooks.WebhookEndpointQueries.ListWebhookEndpoints;
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
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
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

    @POST
    @Operation(summary = "Register a partner URL for CloudEvent types",
            description = "Each event of your tenant of those types is POSTed there as a structured CloudEvent "
                    + "(application/cloudevents+json). Answers 201 with the endpoint.")
    public Response register(@NotNull @Valid RegisterWebhookEndpointRequest request) {
        String endpointId = UUID.randomUUID().toString();
        commands.sendAndWait(request.toCommand(endpointId, tenant.id(), clock.instant()));
        return Response.created(UriBuilder.fromResource(WebhookEndpointResource.class).path(endpointId).build())
                .entity(get(endpointId)).build();
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
