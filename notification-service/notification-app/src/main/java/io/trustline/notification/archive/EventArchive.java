package io.trustline.notification.archive;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every intake and incident event received, in MongoDB {@code webhook_event_archive} ({@code _id} the event id, so an
 * event received twice is kept once), read in (event time, event id) order by replays and backfills, and purged
 * once its time is older than {@code trustline.webhooks.archive.retention}.
 */
@ApplicationScoped
public class EventArchive {

    private final MongoCollection<Document> events;

    @Inject
    EventArchive(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.events = mongo.getDatabase(database).getCollection("webhook_event_archive");
        // for a real MongoDB; the test stand-in creates and ignores them
        events.createIndex(Indexes.ascending("tenantId", "time", "_id"));
        events.createIndex(Indexes.ascending("time"));
    }

    /** Keeps the event unless it is kept already. */
    public void record(ArchivedEvent event, Instant now) {
        Document document = new Document("_id", event.eventId())
                .append("tenantId", event.tenantId())
                .append("type", event.type())
                .append("subject", event.subject())
                .append("time", Date.from(event.time()))
                .append("body", event.body())
                .append("archivedAt", Date.from(now));
        try {
            events.insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // received before: Kafka redelivers after a crash, and a producer may publish twice
        }
    }

    /**
     * Up to {@code limit} events of the tenant of one of {@code types} (and, unless {@code clientIds} is null, of one
     * of those clients) with a time from {@code since} and before {@code until} (null: no end), after {@code after}
     * (null: from the start), in (time, id) order.
     */
    public List<ArchivedEvent> page(String tenantId, List<String> types, List<String> clientIds, Instant since,
                                    Instant until, ArchivePosition after, int limit) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("tenantId", tenantId), Filters.in("type", types),
                Filters.gte("time", Date.from(since))));
        if (until != null) {
            filters.add(Filters.lt("time", Date.from(until)));
        }
        if (clientIds != null) {
            filters.add(Filters.in("subject", clientIds));
        }
        if (after != null) {
            Date time = Date.from(after.time());
            filters.add(Filters.or(Filters.gt("time", time),
                    Filters.and(Filters.eq("time", time), Filters.gt("_id", after.eventId()))));
        }
        return events.find(Filters.and(filters)).sort(Sorts.ascending("time", "_id")).limit(limit)
                .map(EventArchive::read).into(new ArrayList<>());
    }

    public Optional<ArchivedEvent> find(String eventId) {
        return Optional.ofNullable(events.find(Filters.eq("_id", eventId)).first()).map(EventArchive::read);
    }

    /** Removes every event whose time is before {@code cutoff}; returns how many. */
    long purgeBefore(Instant cutoff) {
        return events.deleteMany(Filters.lt("time", Date.from(cutoff))).getDeletedCount();
    }

    private static ArchivedEvent read(Document found) {
        return new ArchivedEvent(found.getString("tenantId"), found.getString("_id"), found.getString("type"),
                found.getString("subject"), found.getDate("time").toInstant(), found.getString("body"));
    }
}
