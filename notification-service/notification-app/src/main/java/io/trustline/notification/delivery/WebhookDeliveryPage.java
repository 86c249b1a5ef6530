package io.trustline.notification.delivery;

import java.util.List;

/** A page of an endpoint's deliveries, newest enqueued first; {@code nextCursor} continues it (null on the last page). */
public record WebhookDeliveryPage(List<WebhookDeliveryEntry> items, String nextCursor) {
}
