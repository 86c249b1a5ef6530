package io.trustline.relationship.portfolio;

import java.time.Instant;

/**
 * A point of the timeline behind a churn-risk cause.
 *
 * @param id         the event's id; {@code clock:<instant>} for a weekly clock tick
 * @param type       the catalog name, e.g. {@code ClientChasedUpdate}; {@code ClockTick} for the clock
 * @param occurredAt when it happened
 */
public record CauseEvent(String id, String type, Instant occurredAt) {
}
