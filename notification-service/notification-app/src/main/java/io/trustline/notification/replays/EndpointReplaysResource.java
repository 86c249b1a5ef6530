package io.trustline.notification.replays;

import io.trustline.notification.archive.ArchiveSettings;
import io.trustline.notification.delivery.PastEventDeliveries;
import io.trustline.notification.webhooks.WebhookEndpointDetails;
import io.trustline.notification.webhooks.WebhookEndpointsProjection;
import io.trustline.platform.command.IdempotencyKeys;
import io.trustline.platform.problem.RuleViolationException;
import io.trustline.platform.problem.UnknownResourceException;
import io.trustline.platform.tenancy.ApiKeySecurityScheme;
import io.trustline.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/webhooks/endpoints/{endpointId}/replays")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiKeySecurityScheme.NAME)
public class EndpointReplaysResource {

    /** The path segment, and the replayId shown, of an endpoint's backfill. */
    static final String BACKFILL = "backfill";

    private final Clock clock = Clock.systemUTC();

    @Inject
    CurrentTenant tenant;
    @Inject
    WebhookEndpointsProjection endpoints;
    @Inject
    ReplayJobs jobs;
    @Inject
    ReplayWorker worker;
    @Inject
    PastEventDeliveries deliveries;
    @Inject
    ArchiveSettings archive;

    @POST
    @Operation(summary = "Send an endpoint the past events of a time window again",
            description = "Every archived event of your tenant with a time from since (included) to until (excluded, "
                    + "default now) that the endpoint's event types, clientIds and filter admit is sent again, in "
                    + "event-time order per client, marked as a replay: header trustline-replay-id with the replayId; "
                    + "the body, webhook-id (the event id) and the signature are as on any delivery. Events delivered "
                    + "before are sent again. Answers 202 at once with the replay; follow its Location for progress "
                    + "(events enqueued, delivered, failed). 400 naming since or until for a window that is empty, "
                    + "in the future or before the archive's retention (90 days by default); 404 for an unknown "
                    + "endpoint or another tenant's; 409 for a disabled one. With an Idempotency-Key, a repeat "
                    + "answers 202 with the same replay (Idempotent-Replayed: true) and replays nothing more; the same "
                    + "key with another window or endpoint is 422.")
    public Response replay(@PathParam("endpointId") String endpointId, @NotNull @Valid ReplayRequest request,
                           @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey) {
        String replayId = IdempotencyKeys.resourceId(tenant.id(), "webhook-replay", idempotencyKey);
        if (idempotencyKey != null) {
            Optional<ReplayJob> earlier = jobs.find(tenant.id(), replayId);
            if (earlier.isPresent()) {
                return repeated(earlier.get(), request, endpointId);
            }
        }
        Instant now = clock.instant();
        Instant until = request.checkWindow(now, archive.retention());
        WebhookEndpointDetails endpoint = endpoints.find(tenant.id(), endpointId)
                .orElseThrow(() -> new UnknownResourceException("webhook endpoint", endpointId));
        if (endpoint.isDisabled()) {
            throw new RuleViolationException("The webhook endpoint '" + endpointId + "' is DISABLED; nothing is sent to "
                    + "it, so nothing can be replayed.");
        }
        ReplayJob asked = new ReplayJob(replayId, tenant.id(), endpointId, false, request.since(), until,
                request.until(), ReplayStatus.ENQUEUEING, 0, null, now, null);
        ReplayJob stored = jobs.createOrFind(asked);
        if (stored != asked) {
            // the same key, a moment earlier
            return repeated(stored, request, endpointId);
        }
        worker.nudge();
        return Response.accepted(WebhookReplay.of(stored, deliveries.replayProgress(replayId)))
                .location(location(endpointId, replayId)).build();
    }

    @GET
    @Path("/{replayId}")
    @Operation(summary = "How far a replay, or the endpoint's backfill, has got",
            description = "status ENQUEUEING while matching events are still being enqueued, ENQUEUED once all of them "
                    + "are (events is then their number), CANCELLED if the endpoint was deleted; for a replay, how "
                    + "many of its deliveries are delivered, failed and pending. The replayId backfill stands for the "
                    + "backfill of an endpoint registered with backfillFrom. 404 for an unknown replay, endpoint or "
                    + "another tenant's.")
    public WebhookReplay get(@PathParam("endpointId") String endpointId,
                             @PathParam("replayId") @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9-]+") String replayId) {
        String stored = BACKFILL.equals(replayId) ? ReplayJob.backfillId(endpointId) : replayId;
        ReplayJob job = jobs.find(tenant.id(), stored).filter(found -> found.endpointId().equals(endpointId))
                .orElseThrow(() -> new UnknownResourceException("webhook replay", replayId));
        return WebhookReplay.of(job, job.backfill() ? null : deliveries.replayProgress(job.replayId()));
    }

    private Response repeated(ReplayJob earlier, ReplayRequest request, String endpointId) {
        IdempotencyKeys.requireSameRequest(request.asked(earlier, endpointId), "webhook replay", earlier.replayId());
        return Response.accepted(WebhookReplay.of(earlier, deliveries.replayProgress(earlier.replayId())))
                .location(location(endpointId, earlier.replayId())).header(IdempotencyKeys.REPLAYED, "true").build();
    }

    private static URI location(String endpointId, String replayId) {
        return UriBuilder.fromResource(EndpointReplaysResource.class).path(replayId).build(endpointId);
    }
}
