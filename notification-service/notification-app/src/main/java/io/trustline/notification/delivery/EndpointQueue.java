package io.trustline.notification.delivery;

import java.time.Instant;

/**
 * An endpoint's queue as claimed by one instance.
 *
 * @param enqueues     how many enqueues it had seen when claimed: a later one means new work arrived meanwhile
 * @param failingSince the first failed attempt after the last success, or null
 * @param backfilled   whether the endpoint's backfill has enqueued every past event; an endpoint registered with
 *                     {@code backfillFrom} is not attempted before, so that its past events go out before live ones
 */
record EndpointQueue(String endpointId, String tenantId, long enqueues, Instant failingSince, boolean backfilled) {
}
