package io.trustline.platform.consumer;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which event ids each subscriber has already applied, in the service's own database. Keyed by
 * subscriber and event id so both the check and the write are full-key operations.
 */
@ApplicationScoped
public class AppliedEventLog {

    private final MongoCollection<Document> applied;

    @Inject
    AppliedEventLog(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.applied = mongo.getDatabase(database).getCollection("applied_events");
    }

    /** Which of {@code eventIds} the subscriber has applied, in one full-key read. */
    public Set<String> appliedAmong(String subscriber, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        List<String> keys = eventIds.stream().map(eventId -> key(subscriber, eventId)).toList();
        Set<String> applied = new HashSet<>();
        for (Document found : this.applied.find(Filters.in("_id", keys)).projection(Projections.include("_id"))) {
            applied.add(found.getString("_id").substring(subscriber.length() + 1));
        }
        return applied;
    }

    public boolean contains(String subscriber, String eventId) {
        return applied.find(Filters.eq("_id", key(subscriber, eventId))).limit(1).first() != null;
    }

    public void record(String subscriber, String eventId, String eventType) {
        try {
            applied.insertOne(new Document("_id", key(subscriber, eventId))
                    .append("type", eventType)
                    .append("appliedAt", new Date()));
        } catch (MongoWriteException e) {
            // a concurrent redelivery recorded it first: the event is applied either way
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static String key(String subscriber, String eventId) {
        return subscriber + "|" + eventId;
    }
}
