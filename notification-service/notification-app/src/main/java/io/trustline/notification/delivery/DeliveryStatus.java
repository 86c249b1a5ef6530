package io.trustline.notification.delivery;

/** Where one event's delivery to one endpoint stands. */
public enum DeliveryStatus {
    /** Waiting for its next attempt. */
    PENDING,
    /** The endpoint answered 2xx. */
    DELIVERED,
    /** Given up: the retry schedule is exhausted, or the endpoint answered 410 Gone. Kept for inspection. */
    FAILED
}
