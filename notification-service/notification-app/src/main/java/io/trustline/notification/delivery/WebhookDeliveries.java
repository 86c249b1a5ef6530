package io.trustline.notification.delivery;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deliveries and per-endpoint queues, in MongoDB so pending retries survive a restart and every instance shares them.
 *
 * <p>{@code webhook_deliveries}: one document per event and endpoint ({@code _id} {@code endpointId|eventId}, so an
 * event seen twice is enqueued once), with the body to POST, status, attempts and the next attempt's time.
 *
 * <p>{@code webhook_endpoint_queues}: one document per endpoint ({@code _id} the endpoint id) with {@code dueAt},
 * the earliest time any of its deliveries may be attempted, and a lease ({@code claimedBy}, {@code claimedUntil}).
 * An instance claims a due endpoint, attempts its due deliveries one at a time, and releases it with the next due
 * time; so one endpoint has at most one attempt in flight across all instances, and a crashed instance's claim
 * simply expires. It also lists the endpoint's pending deliveries ({@link PendingList}), up to a cap, so that a pass
 * reads them by id: a query by endpoint and status is indexed on a real MongoDB but scans every delivery ever stored
 * on the test and development stand-in, which uses no index but {@code _id}'s.
 *
 * <p>The list changes only in single-document updates that already happen: an enqueue (or a retry) adds to it in
 * the update that makes the queue due, and a delivered attempt leaves it in the update that records the endpoint's
 * failure streak. What may wrongly remain (a delivery given up on, or delivered and enqueued again) is dropped when a
 * pass reads it, and what an enqueue cannot add (the list at its cap) marks the list incomplete until a pass finds
 * the pending deliveries fit again. Both are conditional on {@code enqueues} being what the pass read with the list,
 * so an id added meanwhile is never lost.
 */
@ApplicationScoped
class WebhookDeliveries {

    /** Stands for "nothing due": {@code $min} against a null would keep the null. */
    static final Date IDLE = Date.from(Instant.parse("9999-12-31T00:00:00Z"));
    private static final Date NEVER_CLAIMED = new Date(0);
    /** How many pending deliveries of one endpoint are looked at per pass; later clients wait for the next pass. */
    private static final int PENDING_WINDOW = 1000;

    private final MongoCollection<Document> deliveries;
    private final MongoCollection<Document> queues;
    private final int pendingListCap;

    @Inject
    WebhookDeliveries(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
                      WebhookDeliverySettings settings) {
        if (settings.pendingListCap() < 1) {
            throw new IllegalArgumentException("trustline.webhooks.delivery.pending-list-cap must be at least 1, not "
                    + settings.pendingListCap());
        }
        this.pendingListCap = settings.pendingListCap();
        MongoDatabase db = mongo.getDatabase(database);
        this.deliveries = db.getCollection("webhook_deliveries");
        this.queues = db.getCollection("webhook_endpoint_queues");
        // for a real MongoDB; the test stand-in creates and ignores them
        deliveries.createIndex(Indexes.ascending("endpointId", "status", "eventTime", "seq"));
        deliveries.createIndex(Indexes.ascending("replayId", "status"));
        queues.createIndex(Indexes.ascending("dueAt"));
    }

    /** Enqueues the event for the endpoint unless it is there already, and marks the endpoint due now. */
    void enqueue(QueuedDelivery delivery, Instant now) {
        Document document = new Document("_id", delivery.deliveryId())
                .append("tenantId", delivery.tenantId())
                .append("endpointId", delivery.endpointId())
                .append("eventId", delivery.eventId())
                .append("eventType", delivery.eventType())
                .append("clientId", delivery.clientId())
                .append("eventTime", Date.from(delivery.eventTime()))
                .append("seq", new ObjectId())
                .append("body", delivery.body())
                .append("replayId", delivery.replayId())
                .append("status", DeliveryStatus.PENDING.name())
                .append("attempts", 0)
                .append("nextAttemptAt", Date.from(now))
                .append("enqueuedAt", Date.from(now));
        try {
            deliveries.insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // enqueued before: a redelivered event, or a retry after a crash before the queue was marked due
        }
        // also after a duplicate: the crash may have come before its id was listed
        markDue(delivery.endpointId(), delivery.tenantId(), now, delivery.deliveryId());
    }

    /**
     * Makes the endpoint due now and lists the pending delivery, if any: one update while the list has room (a new
     * queue's list is complete, it has no deliveries yet); when it is at its cap, the list is dropped and marked
     * incomplete instead.
     */
    private void markDue(String endpointId, String tenantId, Instant now, String pendingId, Bson... also) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.min("dueAt", Date.from(now)), Updates.inc("enqueues", 1L),
                Updates.setOnInsert("tenantId", tenantId), Updates.setOnInsert("claimedUntil", NEVER_CLAIMED)));
        updates.addAll(List.of(also));
        Bson filter = Filters.eq("_id", endpointId);
        Bson update = Updates.combine(Updates.combine(updates), Updates.setOnInsert("pendingComplete", true));
        if (pendingId != null) {
            filter = Filters.and(filter, Filters.or(Filters.exists("pending." + (pendingListCap - 1), false),
                    Filters.eq("pending", pendingId)));
            update = Updates.combine(update, Updates.addToSet("pending", pendingId));
        }
        try {
            queues.updateOne(filter, update, new UpdateOptions().upsert(true));
            return;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // the queue exists and the filter missed it: two first enqueues raced to create it, or its list is full
        }
        if (queues.updateOne(filter, update).getMatchedCount() == 0 && pendingId != null) {
            // dropped rather than kept full, so that the next enqueues take one update each again
            updates.add(Updates.unset("pending"));
            updates.add(Updates.set("pendingComplete", false));
            queues.updateOne(Filters.eq("_id", endpointId), Updates.combine(updates));
        }
    }

    /** Claims an enabled endpoint with work due and no live claim, for {@code lease}. */
    Optional<EndpointQueue> claimDue(String owner, Instant now, Duration lease) {
        Document claimed = queues.findOneAndUpdate(
                Filters.and(Filters.lte("dueAt", Date.from(now)), Filters.lt("claimedUntil", Date.from(now)),
                        Filters.ne("disabled", true)),
                Updates.combine(Updates.set("claimedBy", owner), Updates.set("claimedUntil", Date.from(now.plus(lease)))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(found -> new EndpointQueue(found.getString("_id"),
                found.getString("tenantId"), ((Number) found.get("enqueues")).longValue(),
                Optional.ofNullable(found.getDate("failingSince")).map(Date::toInstant).orElse(null),
                found.getBoolean("backfilled", false), PendingList.of(found)));
    }

    /** The endpoint's heads now, its pending list read afresh; none when its queue is gone. */
    EndpointHeads heads(String endpointId) {
        Document queue = queues.find(Filters.eq("_id", endpointId))
                .projection(Projections.include("pending", "pendingComplete", "enqueues")).first();
        return queue == null ? EndpointHeads.NONE : heads(endpointId, PendingList.of(queue));
    }

    /**
     * The endpoint's heads: its pending deliveries read by the ids listed, or found by a query while the list is
     * incomplete.
     */
    EndpointHeads heads(String endpointId, PendingList listed) {
        if (listed.complete()) {
            List<Document> pending = listed.ids().isEmpty() ? List.of()
                    : deliveries.find(Filters.in("_id", listed.ids())).into(new ArrayList<>()).stream()
                    .filter(found -> DeliveryStatus.PENDING.name().equals(found.getString("status"))).toList();
            if (pending.size() < listed.ids().size()) {
                Set<String> stale = new HashSet<>(listed.ids());
                pending.forEach(found -> stale.remove(found.getString("_id")));
                queues.updateOne(Filters.and(Filters.eq("_id", endpointId), Filters.eq("enqueues", listed.enqueues())),
                        Updates.pullAll("pending", List.copyOf(stale)));
            }
            return EndpointHeads.of(pending);
        }
        List<Document> pending = deliveries.find(Filters.and(Filters.eq("endpointId", endpointId),
                        Filters.eq("status", DeliveryStatus.PENDING.name())))
                .sort(Sorts.ascending("eventTime", "seq")).limit(PENDING_WINDOW).into(new ArrayList<>());
        if (pending.size() < PENDING_WINDOW && pending.size() <= pendingListCap) {
            // all of them, and they fit: list them, unless an enqueue since the list was read may be missing
            queues.updateOne(Filters.and(Filters.eq("_id", endpointId), Filters.eq("enqueues", listed.enqueues())),
                    Updates.combine(Updates.set("pending", pending.stream().map(found -> found.getString("_id")).toList()),
                            Updates.set("pendingComplete", true)));
        }
        return EndpointHeads.of(pending);
    }

    /** Records an attempt's result on the delivery and the endpoint's failure streak. */
    void recordAttempt(QueuedDelivery delivery, int attempt, DeliveryPolicy.Verdict verdict, AttemptOutcome outcome,
                       Instant endedAt) {
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set("status", verdict.status().name()),
                Updates.set("attempts", attempt),
                Updates.set("lastAttemptAt", Date.from(endedAt)),
                Updates.set("lastLatencyMs", outcome.latency().toMillis()),
                Updates.set("nextAttemptAt", verdict.nextAttemptAt() == null ? null : Date.from(verdict.nextAttemptAt()))));
        if (outcome instanceof AttemptOutcome.Answered answered) {
            updates.add(Updates.set("lastStatusCode", answered.statusCode()));
            updates.add(Updates.unset("lastError"));
        } else if (outcome instanceof AttemptOutcome.NoAnswer noAnswer) {
            updates.add(Updates.set("lastError", noAnswer.error()));
            updates.add(Updates.unset("lastStatusCode"));
        }
        deliveries.updateOne(Filters.eq("_id", delivery.deliveryId()), Updates.combine(updates));
        // a delivery given up on stays listed until a pass reads it: a retry may be putting it back at this moment
        queues.updateOne(Filters.eq("_id", delivery.endpointId()), verdict.status() == DeliveryStatus.DELIVERED
                ? Updates.combine(Updates.unset("failingSince"), Updates.pull("pending", delivery.deliveryId()))
                : Updates.min("failingSince", Date.from(endedAt)));
    }

    /**
     * Records that every past event of the endpoint's backfill is enqueued, so its queue, held until then, may go
     * (see {@link EndpointQueue#backfilled()}); and makes it due now.
     */
    void markBackfilled(String endpointId, String tenantId, Instant now) {
        markDue(endpointId, tenantId, now, null, Updates.set("backfilled", true));
    }

    /** How many deliveries of a replay there are in each status. */
    Map<DeliveryStatus, Long> countsOfReplay(String replayId) {
        Map<DeliveryStatus, Long> counts = new java.util.EnumMap<>(DeliveryStatus.class);
        for (DeliveryStatus status : DeliveryStatus.values()) {
            counts.put(status, deliveries.countDocuments(
                    Filters.and(Filters.eq("replayId", replayId), Filters.eq("status", status.name()))));
        }
        return counts;
    }

    /** Stops attempting the endpoint; its pending deliveries stay. */
    void markDisabled(String endpointId) {
        queues.updateOne(Filters.eq("_id", endpointId), Updates.set("disabled", true));
    }

    /**
     * Attempts the enabled endpoint's pending deliveries again, due now (its tenant enabled it to have them sent, not
     * to wait out a retry delay), still oldest first per client; and its failure streak starts afresh (a re-enabled
     * endpoint gets the whole {@code disable-after} again). No queue: nothing was waiting.
     */
    void resume(String endpointId, Instant now) {
        deliveries.updateMany(Filters.and(Filters.eq("endpointId", endpointId),
                        Filters.eq("status", DeliveryStatus.PENDING.name())),
                Updates.min("nextAttemptAt", Date.from(now)));
        queues.updateOne(Filters.eq("_id", endpointId), Updates.combine(Updates.unset("disabled"),
                Updates.unset("failingSince"), Updates.min("dueAt", Date.from(now)), Updates.inc("enqueues", 1L)));
    }

    /**
     * Forgets a deleted endpoint's deliveries and its queue: a pending one is never attempted again. An attempt in
     * flight meanwhile finds nothing to record its outcome on, so it cannot bring one back.
     */
    void drop(String endpointId) {
        deliveries.deleteMany(Filters.eq("endpointId", endpointId));
        queues.deleteOne(Filters.eq("_id", endpointId));
    }

    /**
     * Gives the endpoint back with its next due time; if anything was enqueued since it was claimed, it stays due
     * now, so new work is never left waiting for a later poll's time.
     */
    void release(EndpointQueue queue, String owner, Date nextDue) {
        long matched = queues.updateOne(Filters.and(Filters.eq("_id", queue.endpointId()), Filters.eq("claimedBy", owner),
                        Filters.eq("enqueues", queue.enqueues())),
                Updates.combine(Updates.set("dueAt", nextDue), Updates.set("claimedUntil", NEVER_CLAIMED)))
                .getMatchedCount();
        if (matched == 0) {
            queues.updateOne(Filters.and(Filters.eq("_id", queue.endpointId()), Filters.eq("claimedBy", owner)),
                    Updates.set("claimedUntil", NEVER_CLAIMED));
        }
    }

    /** Every delivery of one endpoint, for tests. */
    List<Document> ofEndpoint(String endpointId) {
        return deliveries.find(Filters.eq("endpointId", endpointId)).into(new ArrayList<>());
    }

    /** The endpoint's queue document, for tests. */
    Optional<Document> queueOf(String endpointId) {
        return Optional.ofNullable(queues.find(Filters.eq("_id", endpointId)).first());
    }

    /**
     * Up to {@code limit} deliveries of the endpoint, newest enqueued first, after {@code afterSeq} (the {@code seq}
     * of the previous page's last one; null for the first page); {@code status} null for any.
     */
    List<Document> page(String endpointId, DeliveryStatus status, ObjectId afterSeq, int limit) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("endpointId", endpointId)));
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        if (afterSeq != null) {
            filters.add(Filters.lt("seq", afterSeq));
        }
        return deliveries.find(Filters.and(filters)).sort(Sorts.descending("seq")).limit(limit).into(new ArrayList<>());
    }

    Optional<Document> find(String deliveryId) {
        return Optional.ofNullable(deliveries.find(Filters.eq("_id", deliveryId)).first());
    }

    /**
     * Puts a {@code FAILED} delivery back to {@code PENDING}, due now, and makes its endpoint's queue due; its attempt
     * count and last outcome stay. Returns the delivery after the change, or empty when it was not {@code FAILED}.
     */
    Optional<Document> retry(String deliveryId, String idempotencyKey, Instant now) {
        Document retried = deliveries.findOneAndUpdate(
                Filters.and(Filters.eq("_id", deliveryId), Filters.eq("status", DeliveryStatus.FAILED.name())),
                Updates.combine(Updates.set("status", DeliveryStatus.PENDING.name()),
                        Updates.set("nextAttemptAt", Date.from(now)), Updates.set("retriedAt", Date.from(now)),
                        Updates.set("retryKey", idempotencyKey)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (retried == null) {
            return Optional.empty();
        }
        markDue(retried.getString("endpointId"), retried.getString("tenantId"), now, deliveryId);
        return Optional.of(retried);
    }
}
