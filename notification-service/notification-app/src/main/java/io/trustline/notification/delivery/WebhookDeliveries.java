package io.trustline.notification.delivery;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * simply expires.
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

    @Inject
    WebhookDeliveries(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
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
        markDue(delivery.endpointId(), delivery.tenantId(), now);
    }

    private void markDue(String endpointId, String tenantId, Instant now, Bson... also) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.min("dueAt", Date.from(now)), Updates.inc("enqueues", 1L),
                Updates.setOnInsert("tenantId", tenantId), Updates.setOnInsert("claimedUntil", NEVER_CLAIMED)));
        updates.addAll(List.of(also));
        Bson update = Updates.combine(updates);
        try {
            queues.updateOne(Filters.eq("_id", endpointId), update, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // two first enqueues raced to create the queue; it exists now
            queues.updateOne(Filters.eq("_id", endpointId), update);
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
                found.getBoolean("backfilled", false)));
    }

    /**
     * The endpoint's deliveries that may be attempted now: of each client's pending ones, the oldest by event time
     * (then enqueue order), if it is due. Oldest first.
     */
    List<QueuedDelivery> dueHeads(String endpointId, Instant now) {
        return heads(endpointId).stream().filter(head -> !head.nextAttemptAt().isAfter(now)).toList();
    }

    /** When the endpoint's next attempt is due, or {@link #IDLE} when nothing is pending. */
    Date nextDue(String endpointId) {
        return heads(endpointId).stream().map(QueuedDelivery::nextAttemptAt).min(Instant::compareTo)
                .map(Date::from).orElse(IDLE);
    }

    private List<QueuedDelivery> heads(String endpointId) {
        Map<String, QueuedDelivery> heads = new LinkedHashMap<>();
        deliveries.find(Filters.and(Filters.eq("endpointId", endpointId), Filters.eq("status", DeliveryStatus.PENDING.name())))
                .sort(Sorts.ascending("eventTime", "seq")).limit(PENDING_WINDOW)
                .forEach(found -> {
                    QueuedDelivery delivery = read(found);
                    heads.putIfAbsent(delivery.orderingKey(), delivery);
                });
        return new ArrayList<>(heads.values());
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
        queues.updateOne(Filters.eq("_id", delivery.endpointId()), verdict.status() == DeliveryStatus.DELIVERED
                ? Updates.unset("failingSince")
                : Updates.min("failingSince", Date.from(endedAt)));
    }

    /**
     * Records that every past event of the endpoint's backfill is enqueued, so its queue, held until then, may go
     * (see {@link EndpointQueue#backfilled()}); and makes it due now.
     */
    void markBackfilled(String endpointId, String tenantId, Instant now) {
        markDue(endpointId, tenantId, now, Updates.set("backfilled", true));
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
        markDue(retried.getString("endpointId"), retried.getString("tenantId"), now);
        return Optional.of(retried);
    }

    private static QueuedDelivery read(Document found) {
        return new QueuedDelivery(found.getString("_id"), found.getString("tenantId"), found.getString("endpointId"),
                found.getString("eventId"), found.getString("eventType"), found.getString("clientId"),
                found.getDate("eventTime").toInstant(), found.getString("body"), found.getInteger("attempts", 0),
                found.getDate("nextAttemptAt").toInstant(), found.getString("replayId"));
    }
}
