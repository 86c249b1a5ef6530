package io.trustline.notification.replays;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.trustline.notification.archive.ArchivePosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Replays and backfills in MongoDB {@code webhook_replays}, one document each with its progress and a lease
 * ({@code claimedBy}, {@code claimedUntil}): an instance takes up one whose lease ran out, and records its progress
 * only while it still holds it, so two instances never work on one replay and a crashed one's replay is taken up
 * where its last recorded page ended.
 */
@ApplicationScoped
class ReplayJobs {

    private static final Date NEVER_CLAIMED = new Date(0);

    private final MongoCollection<Document> jobs;

    @Inject
    ReplayJobs(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.jobs = mongo.getDatabase(database).getCollection("webhook_replays");
        // for a real MongoDB; the test stand-in creates and ignores them
        jobs.createIndex(Indexes.ascending("status", "claimedUntil"));
        jobs.createIndex(Indexes.ascending("endpointId", "status"));
    }

    /** Stores a new replay, or answers the one stored earlier under its id (a retry with the same key). */
    ReplayJob createOrFind(ReplayJob job) {
        try {
            jobs.insertOne(document(job));
            return job;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return find(job.replayId()).orElseThrow(() -> e);
        }
    }

    /** Stores the endpoint's backfill unless it is stored already: replaying the registration changes nothing. */
    void scheduleBackfill(String tenantId, String endpointId, Instant from, Instant registeredAt) {
        ReplayJob job = new ReplayJob(ReplayJob.backfillId(endpointId), tenantId, endpointId, true, from, null, null,
                ReplayStatus.ENQUEUEING, 0, null, registeredAt, null);
        Document document = document(job);
        document.remove("_id");
        jobs.updateOne(Filters.eq("_id", job.replayId()), new Document("$setOnInsert", document),
                new UpdateOptions().upsert(true));
    }

    Optional<ReplayJob> find(String replayId) {
        return Optional.ofNullable(jobs.find(Filters.eq("_id", replayId)).first()).map(ReplayJobs::read);
    }

    /** The tenant's replay; empty for an unknown one and for another tenant's. */
    Optional<ReplayJob> find(String tenantId, String replayId) {
        return Optional.ofNullable(jobs.find(Filters.and(Filters.eq("_id", replayId), Filters.eq("tenantId", tenantId)))
                .first()).map(ReplayJobs::read);
    }

    /** Takes up the oldest unfinished replay that no instance holds, for {@code lease}. */
    Optional<ReplayJob> claim(String owner, Instant now, Duration lease) {
        Document claimed = jobs.findOneAndUpdate(
                Filters.and(Filters.eq("status", ReplayStatus.ENQUEUEING.name()), Filters.lt("claimedUntil", Date.from(now))),
                Updates.combine(Updates.set("claimedBy", owner), Updates.set("claimedUntil", Date.from(now.plus(lease)))),
                new FindOneAndUpdateOptions().sort(Sorts.ascending("requestedAt")).returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(ReplayJobs::read);
    }

    /**
     * Records a page: read up to {@code after}, {@code enqueued} more events enqueued; the lease runs until
     * {@code claimedUntil}. False when the replay is no longer this instance's (its lease ran out and another took
     * it up): that one goes on from the last recorded page, which enqueues nothing twice.
     */
    boolean advance(ReplayJob job, String owner, ArchivePosition after, long enqueued, Instant claimedUntil) {
        return update(job, owner, position(after, enqueued, Updates.set("claimedUntil", Date.from(claimedUntil))));
    }

    /** Records the last page and the end: {@code status} ENQUEUED, or CANCELLED with why. */
    boolean finish(ReplayJob job, String owner, ArchivePosition after, long enqueued, ReplayStatus status,
                   String reason, Instant now) {
        return update(job, owner, position(after, enqueued, Updates.set("status", status.name()),
                Updates.set("finishedAt", Date.from(now)), Updates.set("reason", reason),
                Updates.set("claimedUntil", NEVER_CLAIMED)));
    }

    /**
     * Ends the endpoint's unfinished replays and backfill, {@code CANCELLED} with why; an instance enqueueing one
     * of them stops at its next page, which it can no longer record. Harmless to repeat.
     */
    void cancelUnfinished(String endpointId, String reason, Instant now) {
        jobs.updateMany(Filters.and(Filters.eq("endpointId", endpointId),
                        Filters.eq("status", ReplayStatus.ENQUEUEING.name())),
                Updates.combine(Updates.set("status", ReplayStatus.CANCELLED.name()),
                        Updates.set("finishedAt", Date.from(now)), Updates.set("reason", reason),
                        Updates.set("claimedUntil", NEVER_CLAIMED)));
    }

    /** Gives the replay back, to be taken up again no sooner than {@code notBefore}. */
    void release(ReplayJob job, String owner, Instant notBefore) {
        update(job, owner, List.of(Updates.set("claimedUntil", Date.from(notBefore))));
    }

    /** Only while this instance holds it and it is unfinished: a cancelled replay stays as it was cancelled. */
    private boolean update(ReplayJob job, String owner, List<Bson> updates) {
        return jobs.updateOne(Filters.and(Filters.eq("_id", job.replayId()), Filters.eq("claimedBy", owner),
                        Filters.eq("status", ReplayStatus.ENQUEUEING.name())),
                Updates.combine(updates)).getMatchedCount() == 1;
    }

    private static List<Bson> position(ArchivePosition after, long enqueued, Bson... also) {
        List<Bson> updates = new ArrayList<>(List.of(also));
        updates.add(Updates.inc("events", enqueued));
        if (after != null) {
            updates.add(Updates.set("afterTime", Date.from(after.time())));
            updates.add(Updates.set("afterEventId", after.eventId()));
        }
        return updates;
    }

    private static Document document(ReplayJob job) {
        Document document = new Document("_id", job.replayId())
                .append("tenantId", job.tenantId())
                .append("endpointId", job.endpointId())
                .append("backfill", job.backfill())
                .append("since", Date.from(job.since()))
                .append("until", job.until() == null ? null : Date.from(job.until()))
                .append("requestedUntil", job.requestedUntil() == null ? null : Date.from(job.requestedUntil()))
                .append("status", job.status().name())
                .append("events", job.events())
                .append("requestedAt", Date.from(job.requestedAt()))
                .append("claimedUntil", NEVER_CLAIMED);
        if (job.after() != null) {
            document.append("afterTime", Date.from(job.after().time())).append("afterEventId", job.after().eventId());
        }
        return document;
    }

    private static ReplayJob read(Document found) {
        Date afterTime = found.getDate("afterTime");
        return new ReplayJob(found.getString("_id"), found.getString("tenantId"), found.getString("endpointId"),
                found.getBoolean("backfill", false), found.getDate("since").toInstant(), instant(found.getDate("until")),
                instant(found.getDate("requestedUntil")), ReplayStatus.valueOf(found.getString("status")),
                ((Number) found.get("events")).longValue(),
                afterTime == null ? null : new ArchivePosition(afterTime.toInstant(), found.getString("afterEventId")),
                found.getDate("requestedAt").toInstant(), found.getString("reason"));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
