package io.trustline.notification.delivery;

import io.trustline.notification.webhooks.WebhookEndpointsProjection;
import io.trustline.platform.problem.InvalidFieldException;
import io.trustline.platform.problem.UnknownResourceException;
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
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/webhooks/endpoints/{endpointId}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiKeySecurityScheme.NAME)
public class EndpointDeliveriesResource {

    @Inject
    CurrentTenant tenant;
    @Inject
    WebhookEndpointsProjection endpoints;
    @Inject
    WebhookDeliveries deliveries;

    @GET
    @Operation(summary = "One endpoint's deliveries, newest enqueued first",
            description = "Each event sent (or to be sent) to the endpoint: its status, how many attempts were made, "
                    + "the last attempt's time, status code or error and latency, and when the next attempt is due. "
                    + "Filter by status; follow nextCursor for the next page (null on the last). 404 for an unknown "
                    + "endpoint or another tenant's.")
    public WebhookDeliveryPage list(
            @PathParam("endpointId") String endpointId,
            @QueryParam("status") @Pattern(regexp = "PENDING|DELIVERED|FAILED") String status,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
            @Parameter(description = "nextCursor of the previous page, as it came.")
            @QueryParam("cursor") @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9_-]+") String cursor) {
        endpoints.find(tenant.id(), endpointId)
                .orElseThrow(() -> new UnknownResourceException("webhook endpoint", endpointId));
        // one more than asked for tells whether a next page exists, so the last page says null
        List<Document> found = deliveries.page(endpointId, status == null ? null : DeliveryStatus.valueOf(status),
                afterSeq(cursor), limit + 1);
        List<Document> page = found.subList(0, Math.min(limit, found.size()));
        String next = found.size() > limit ? page.get(page.size() - 1).getObjectId("seq").toHexString() : null;
        return new WebhookDeliveryPage(page.stream().map(WebhookDeliveryEntry::of).toList(), OpaqueCursor.encode(next));
    }

    private static ObjectId afterSeq(String cursor) {
        String position = OpaqueCursor.decode(cursor);
        if (position == null) {
            return null;
        }
        if (!ObjectId.isValid(position)) {
            throw new InvalidFieldException("cursor", "is not a cursor this service gave out; use nextCursor as it came.");
        }
        return new ObjectId(position);
    }
}
