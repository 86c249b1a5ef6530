package io.trustline.notification.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * An endpoint's heads: of each client's pending deliveries, the oldest by event time (then enqueue order), oldest
 * first. Only heads are attempted, so one client's deliveries go out in event-time order.
 */
record EndpointHeads(List<QueuedDelivery> oldestFirst) {

    private static final Comparator<Document> EVENT_ORDER = Comparator
            .comparing((Document delivery) -> delivery.getDate("eventTime"))
            .thenComparing(delivery -> delivery.get("seq", ObjectId.class));

    static final EndpointHeads NONE = new EndpointHeads(List.of());

    /** The heads of these pending deliveries, in any order. */
    static EndpointHeads of(List<Document> pending) {
        Map<String, QueuedDelivery> heads = new LinkedHashMap<>();
        pending.stream().sorted(EVENT_ORDER).map(EndpointHeads::read)
                .forEach(delivery -> heads.putIfAbsent(delivery.orderingKey(), delivery));
        return new EndpointHeads(new ArrayList<>(heads.values()));
    }

    /** The heads that may be attempted now, oldest first. */
    List<QueuedDelivery> due(Instant now) {
        return oldestFirst.stream().filter(head -> !head.nextAttemptAt().isAfter(now)).toList();
    }

    /** When the endpoint's next attempt is due, or {@link WebhookDeliveries#IDLE} when nothing is pending. */
    Date nextDue() {
        return oldestFirst.stream().map(QueuedDelivery::nextAttemptAt).min(Instant::compareTo)
                .map(Date::from).orElse(WebhookDeliveries.IDLE);
    }

    private static QueuedDelivery read(Document found) {
        return new QueuedDelivery(found.getString("_id"), found.getString("tenantId"), found.getString("endpointId"),
                found.getString("eventId"), found.getString("eventType"), found.getString("clientId"),
                found.getDate("eventTime").toInstant(), found.getString("body"), found.getInteger("attempts", 0),
                found.getDate("nextAttemptAt").toInstant(), found.getString("replayId"));
    }
}
