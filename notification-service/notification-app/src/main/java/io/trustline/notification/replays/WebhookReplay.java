package io.trustline.notification.replays;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import io.trustline.notification.delivery.DeliveryStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A replay (or an endpoint's backfill) as the API shows it. {@code delivered}, {@code failed} and {@code pending}
 * count the replay's deliveries; a backfill's deliveries are the events' ordinary ones, so it has no counts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookReplay(
        @Schema(description = "The replay's id, also the trustline-replay-id header of its deliveries; backfill for "
                + "the endpoint's backfill")
        String replayId,
        String endpointId,
        Instant since,
        @Schema(description = "The window's end, excluded; absent for a backfill, which reads up to the live events")
        Instant until,
        ReplayStatus status,
        @Schema(description = "How many archived events of the window the endpoint admits, enqueued so far; final "
                + "once status is ENQUEUED")
        long events,
        Long delivered,
        Long failed,
        Long pending,
        Instant requestedAt,
        @Schema(description = "Why it was cancelled") String reason) {

    static WebhookReplay of(ReplayJob job, Map<DeliveryStatus, Long> deliveries) {
        return new WebhookReplay(job.backfill() ? EndpointReplaysResource.BACKFILL : job.replayId(), job.endpointId(),
                job.since(), job.until(), job.status(), job.events(),
                deliveries == null ? null : deliveries.get(DeliveryStatus.DELIVERED),
                deliveries == null ? null : deliveries.get(DeliveryStatus.FAILED),
                deliveries == null ? null : deliveries.get(DeliveryStatus.PENDING), job.requestedAt(), job.reason());
    }
}
