package io.trustline.platform.consumer;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Date;
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
