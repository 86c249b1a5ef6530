package io.trustline.notification.webhooks;

import io.trustline.notification.archive.ArchiveSettings;
import io.trustline.notification.signing.WebhookSecrets;
import io.trustline.notification.webhooks.WebhookEndpointCommand.RegisterWebhookEndpoint;
import io.trustline.notification.webhooks.WebhookEndpointCommand.RotateWebhookEndpointSecret;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointRegistered;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointSecretRotated;
import io.trustline.notification.webhooks.WebhookEndpointQueries.GetWebhookEndpointById;
import io.trustline.notification.webhooks.WebhookEndpointQueries.ListWebhookEndpoints;
import io.trustline.notification.webhooks.WebhookEndpointCommand.RegisterWebhookEndpoint;
import io.trustline.notification.targets.TargetAddressGuard;
import io.trustline.platform.command.IdempotencyKeys;
import io.trustline.platform.command.IdempotentCommands;
import io.trustline.platform.problem.UnknownResourceException;
import io.trustline.platform.tenancy.ApiKeySecurityScheme;
import io.trustline.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
    @Inject
    WebhookSecrets secrets;
    @Inject
    ArchiveSettings archive;
    @ConfigProperty(name = "trustline.webhooks.secret-overlap", defaultValue = "PT24H")
    Duration secretOverlap;

    @POST
    @Operation(summary = "Register a partner URL for CloudEvent types",
            description = "Each event of your tenant of those types is POSTed there as a structured CloudEvent "
                    + "(application/cloudevents+json), signed per Standard Webhooks (webhook-id, webhook-timestamp, "
                    + "webhook-signature). Answers 201 with the endpoint and its signing secret, the only time the "
                    + "secret is shown. With an Idempotency-Key, a retry answers 200 with the endpoint the first call "
                    + "registered and the same secret, and registers nothing new; the same key with another endpoint "
                    + "answers 422. The URL must be https and its host must resolve to public addresses only (no "
                    + "loopback, private, link-local or cloud metadata address): 400 otherwise. An optional CEL "
                    + "filter and clientIds allow-list narrow what is delivered; a filter that does not compile to a "
                    + "boolean is 400 naming filter, with the line, column and CEL's message. With backfillFrom, the "
                    + "past events since then that the endpoint admits are delivered first, in event-time order, then "
                    + "the live ones, each event once; backfillFrom in the future or before the archive's retention "
                    + "is 400 naming backfillFrom.")
    public Response register(@NotNull @Valid RegisterWebhookEndpointRequest request,
                             @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey) {
        request.checkTarget(targets);
        request.checkFilter();
        request.checkBackfill(clock.instant(), archive.retention());
        String endpointId = IdempotencyKeys.resourceId(tenant.id(), "webhook-endpoint", idempotencyKey);
        URI location = UriBuilder.fromResource(WebhookEndpointResource.class).path(endpointId).build();
        String secret = secrets.mint();
        RegisterWebhookEndpoint command = request.toCommand(endpointId, tenant.id(), clock.instant(),
                secrets.seal(secret, endpointId));
        try {
            commands.sendAndWait(command);
        } catch (AggregateStreamCreationException alreadyRegistered) {
            WebhookEndpointRegistered registered = history.registeredEarlier(endpointId);
            WebhookEndpointDetails details = WebhookEndpointDetails.of(registered);
            IdempotencyKeys.requireSameRequest(request.registers(details), "webhook endpoint", endpointId);
            // the same secret again: a caller retrying never saw the first answer, and only it holds the key
            return Response.ok(RegisteredWebhookEndpoint.of(details, opened(registered.sealedSecret(), endpointId)))
                    .location(location).header(IdempotencyKeys.REPLAYED, "true").build();
        }
        return Response.created(location)
                .entity(RegisteredWebhookEndpoint.of(WebhookEndpointDetails.registered(command), secret)).build();
    }

    @POST
    @Path("/{endpointId}/secret/rotation")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Replace an endpoint's signing secret",
            description = "Answers 201 with the new secret, shown only here. Until previousSecretExpiresAt "
                    + "(trustline.webhooks.secret-overlap after the rotation, 24 hours by default) deliveries carry two "
                    + "signatures, the new secret's first; then only the new one. With an Idempotency-Key, a retry "
                    + "answers 200 with the same secret and rotates nothing. 404 for an unknown endpoint.")
    public Response rotateSecret(@PathParam("endpointId") String endpointId,
                                 @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey) {
        String secret = secrets.mint();
        Instant now = clock.instant();
        RotateWebhookEndpointSecret command = new RotateWebhookEndpointSecret(endpointId, tenant.id(),
                secrets.seal(secret, endpointId), now, now.plus(secretOverlap));
        Object answer = commands.sendAndWait(IdempotentCommands.message(command, idempotencyKey, Map.of()));
        URI location = UriBuilder.fromResource(WebhookEndpointResource.class).path(endpointId).build();
        if (answer instanceof IdempotentCommands.Replayed replayed) {
            WebhookEndpointSecretRotated first = (WebhookEndpointSecretRotated) replayed.answer();
            return Response.ok(rotated(first, opened(first.sealedSecret(), endpointId))).location(location)
                    .header(IdempotencyKeys.REPLAYED, "true").build();
        }
        return Response.created(location).entity(rotated((WebhookEndpointSecretRotated) answer, secret)).build();
    }

    private static RotatedWebhookSecret rotated(WebhookEndpointSecretRotated event, String secret) {
        return new RotatedWebhookSecret(event.endpointId(), secret, event.rotatedAt(), event.previousValidUntil());
    }

    private String opened(String sealedSecret, String endpointId) {
        return sealedSecret == null ? null : secrets.open(sealedSecret, endpointId);
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
