package io.trustline.notification.delivery;

import java.time.Instant;

/**
 * One event waiting to be delivered to one endpoint: the structured CloudEvent as it will be POSTed, and the
 * attempts made so far.
 *
 * @param clientId the event's CloudEvent subject (its client); null when it had none
 */
record QueuedDelivery(String deliveryId, String tenantId, String endpointId, String eventId, String eventType,
                      String clientId, Instant eventTime, String body, int attempts, Instant nextAttemptAt) {

    static String idOf(String endpointId, String eventId) {
        return endpointId + "|" + eventId;
    }

    /** Deliveries of one endpoint and client go in event-time order; this is what they are grouped by. */
    String orderingKey() {
        return clientId == null ? "" : clientId;
    }
}
