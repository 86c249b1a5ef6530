package io.trustline.notification.delivery;

import java.time.Instant;

/**
 * One event waiting to be delivered to one endpoint: the structured CloudEvent as it will be POSTed, and the
 * attempts made so far.
 *
 * @param clientId the event's CloudEvent subject (its client); null when it had none
 * @param replayId the replay that re-sends the event; null for its first delivery (live or backfill)
 */
record QueuedDelivery(String deliveryId, String tenantId, String endpointId, String eventId, String eventType,
                      String clientId, Instant eventTime, String body, int attempts, Instant nextAttemptAt,
                      String replayId) {

    static String idOf(String endpointId, String eventId) {
        return endpointId + "|" + eventId;
    }

    /** A replay's delivery of the event: its own id, so an event delivered already can be sent again. */
    static String idOf(String endpointId, String eventId, String replayId) {
        return replayId == null ? idOf(endpointId, eventId) : idOf(endpointId, eventId) + "|" + replayId;
    }

    /**
     * Deliveries of one endpoint and client go in event-time order; this is what they are grouped by. A replay's
     * deliveries are a group of their own per client, so a replay neither waits for the live deliveries nor holds
     * them up.
     */
    String orderingKey() {
        String client = clientId == null ? "" : clientId;
        return replayId == null ? client : "replay " + replayId + " " + client;
    }
}
