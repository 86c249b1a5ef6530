package io.trustline.notification.replays;

/** Where a replay (or a backfill) stands. */
public enum ReplayStatus {
    /** Matching archived events are still being enqueued, page by page in event-time order. */
    ENQUEUEING,
    /** Every matching archived event is enqueued; the deliveries go out as the endpoint's queue allows. */
    ENQUEUED,
    /** The endpoint was deleted; what had been enqueued is dropped with its other deliveries. */
    CANCELLED
}
