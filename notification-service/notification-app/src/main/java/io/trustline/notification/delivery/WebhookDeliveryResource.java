package io.trustline.notification.delivery;

import io.trustline.notification.webhooks.WebhookEndpointDetails;
import io.trustline.notification.webhooks.WebhookEndpointsProjection;
import io.trustline.platform.command.IdempotencyKeys;
import io.trustline.platform.problem.RuleViolationException;
import io.trustline.platform.problem.UnknownResourceException;
import io.trustline.platform.tenancy.ApiKeySecurityScheme;
import io.trustline.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Optional;
import org.bson.Document;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/webhooks/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiKeySecurityScheme.NAME)
public class WebhookDeliveryResource {

    private final Clock clock = Clock.systemUTC();

    @Inject
    CurrentTenant tenant;
    @Inject
    WebhookEndpointsProjection endpoints;
    @Inject
    WebhookDeliveries deliveries;
    @Inject
    WebhookDispatcher dispatcher;

    @POST
    @Path("/{deliveryId}/retry")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Attempt a failed delivery once more",
            description = "A FAILED delivery becomes PENDING, due now, and is attempted as soon as its endpoint's "
                    + "earlier deliveries of the same client allow; answers 202 with it. Its attempt count goes on from "
                    + "where it stopped, so a retry is one more attempt: if that fails too, it is FAILED again. 409 "
                    + "for a PENDING or DELIVERED delivery, or one of a disabled endpoint; 404 for an unknown "
                    + "delivery or another tenant's. With an Idempotency-Key, a repeat answers 202 with the delivery "
                    + "as it is now (Idempotent-Replayed: true) and retries nothing more.")
    public Response retry(@PathParam("deliveryId") @Size(max = 1000) @Pattern(regexp = "[A-Za-z0-9_-]+") String deliveryId,
                          @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey) {
        Document delivery = WebhookDeliveryEntry.storedId(deliveryId).flatMap(deliveries::find)
                .filter(found -> tenant.id().equals(found.getString("tenantId")))
                .orElseThrow(() -> new UnknownResourceException("webhook delivery", deliveryId));
        if (idempotencyKey != null && idempotencyKey.equals(delivery.getString("retryKey"))) {
            return accepted(delivery).header(IdempotencyKeys.REPLAYED, "true").build();
        }
        String endpointId = delivery.getString("endpointId");
        WebhookEndpointDetails endpoint = endpoints.find(tenant.id(), endpointId)
                .orElseThrow(() -> new UnknownResourceException("webhook delivery", deliveryId));
        if (endpoint.isDisabled()) {
            throw new RuleViolationException("The delivery's webhook endpoint '" + endpointId
                    + "' is DISABLED; nothing is sent to it.");
        }
        Optional<Document> retried = deliveries.retry(delivery.getString("_id"), idempotencyKey, clock.instant());
        if (retried.isEmpty()) {
            String state = deliveries.find(delivery.getString("_id")).map(d -> d.getString("status"))
                    .orElse(delivery.getString("status"));
            throw new RuleViolationException("The webhook delivery '" + deliveryId + "' is " + state
                    + "; only a FAILED one can be retried.");
        }
        dispatcher.nudge();
        return accepted(retried.get()).build();
    }

    private static Response.ResponseBuilder accepted(Document delivery) {
        return Response.accepted(WebhookDeliveryEntry.of(delivery));
    }
}
