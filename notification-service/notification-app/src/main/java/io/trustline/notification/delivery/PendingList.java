package io.trustline.notification.delivery;

import java.util.List;
import org.bson.Document;

/**
 * The ids of an endpoint's {@code PENDING} deliveries as its queue document holds them ({@code pending}), so its
 * heads are read by id rather than found by a query over every delivery it ever had.
 *
 * @param ids      may also hold ids no longer pending (given up, or enqueued again after they were delivered): reading
 *                 them drops them from the list
 * @param complete whether {@code ids} holds every pending delivery of the endpoint; false once an enqueue found the
 *                 list at its cap, and for a queue stored before the list existed: its deliveries are then found by a
 *                 query, and the list is rebuilt once they fit again
 * @param enqueues the queue's {@code enqueues} when the list was read: a change since means the list may have grown
 */
record PendingList(List<String> ids, boolean complete, long enqueues) {

    static PendingList of(Document queue) {
        return new PendingList(queue.getList("pending", String.class, List.of()),
                queue.getBoolean("pendingComplete", false), ((Number) queue.get("enqueues")).longValue());
    }
}
