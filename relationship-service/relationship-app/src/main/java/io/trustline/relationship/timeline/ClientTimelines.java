package io.trustline.relationship.timeline;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.trustline.platform.json.DocumentMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The stored client timelines, written by {@link IntakeAndIncidentEventsConsumer} and read by
 * {@link TimelineResource}. One document per client ({@code tenantId|clientId}) holding its timeline
 * entries. Every read and write is by that full key. Adding an entry whose event id is already there changes nothing, so redelivered
 * and replayed events are harmless; a single subscriber thread writes, so check-then-push cannot race.
 */
@ApplicationScoped
public class ClientTimelines {

    private final MongoCollection<Document> timelines;

    @Inject
    ClientTimelines(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.timelines = mongo.getDatabase(database).getCollection("client_timelines");
    }

    /** Returns false when the event was already on the client's timeline. */
    public boolean add(String tenantId, String clientId, TimelineEntry entry) {
        String key = key(tenantId, clientId);
        Document existing = timelines.find(Filters.eq("_id", key)).first();
        if (existing != null && entries(existing).stream().anyMatch(e -> entry.eventId().equals(e.eventId()))) {
            return false;
        }
        timelines.updateOne(Filters.eq("_id", key),
                Updates.combine(
                        Updates.setOnInsert("tenantId", tenantId),
                        Updates.setOnInsert("clientId", clientId),
                        Updates.push("entries", DocumentMapper.toDocument(entry))),
                new UpdateOptions().upsert(true));
        return true;
    }

    public Optional<ClientTimeline> find(String tenantId, String clientId) {
        Document stored = timelines.find(Filters.eq("_id", key(tenantId, clientId))).first();
        if (stored == null || !tenantId.equals(stored.getString("tenantId"))) {
            return Optional.empty();
        }
        return Optional.of(new ClientTimeline(clientId, entries(stored)));
    }

    private static List<TimelineEntry> entries(Document stored) {
        return stored.getList("entries", Document.class, List.of()).stream()
                .map(e -> DocumentMapper.fromDocument(e, TimelineEntry.class))
                .toList();
    }

    private static String key(String tenantId, String clientId) {
        return tenantId + "|" + clientId;
    }
}
