package io.trustline.notification.delivery;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Stored outcomes of delivery attempts. They belong to no aggregate: {@link DeliveryOutcomes} appends them to the
 * event store, which is the outbox the relay publishes from.
 */
public sealed interface WebhookDeliveryEvent {

    String tenantId();

    @Revision("1")
    record WebhookDelivered(String tenantId, String endpointId, String eventId, String eventType, String clientId,
                            int attempt, int statusCode, long latencyMs, Instant deliveredAt)
            implements WebhookDeliveryEvent {
    }

    /** {@code statusCode} or {@code error} is null; {@code nextAttemptAt} is null when the delivery was given up. */
    @Revision("1")
    record WebhookDeliveryFailed(String tenantId, String endpointId, String eventId, String eventType, String clientId,
                                 int attempt, Integer statusCode, String error, long latencyMs, Instant failedAt,
                                 Instant nextAttemptAt) implements WebhookDeliveryEvent {
    }
}
