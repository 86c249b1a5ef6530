package io.trustline.relationship.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.trustline.platform.json.TrustlineJson;
import io.trustline.relationship.scoring.ClientEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The scoring engine's input, one document per event ({@code client_events}, {@code _id}
 * {@code tenantId|clientId|eventId}), so a client's history has no size limit and a redelivered event is stored
 * once. The timeline of any model and any instant can be recomputed from here.
 */
@ApplicationScoped
public class ClientEvents {

    private static final Map<String, Class<? extends ClientEvent>> TYPES = ClientEvent.typesByName();
    // durations as ISO text like every other time value we store, not as numbers of seconds
    private static final ObjectMapper JSON = TrustlineJson.newObjectMapper()
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final MongoCollection<Document> events;
    private volatile boolean indexed;

    @Inject
    ClientEvents(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.events = mongo.getDatabase(database).getCollection("client_events");
    }

    /** Returns false when the event was already stored. */
    boolean add(String tenantId, String clientId, ClientEvent event) {
        ensureIndex();
        try {
            events.insertOne(new Document("_id", tenantId + "|" + clientId + "|" + event.eventId())
                    .append("tenantId", tenantId)
                    .append("clientId", clientId)
                    .append("eventId", event.eventId())
                    .append("occurredAt", Date.from(event.occurredAt()))
                    .append("type", event.type())
                    .append("event", Document.parse(write(event))));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }

    /** Every stored event of the client, in no particular order. */
    public List<ClientEvent> all(String tenantId, String clientId) {
        return find(ofClient(tenantId, clientId));
    }

    /**
     * The client's events that occurred up to {@code asOf}, and some a little after it (stored to the
     * millisecond): the engine cuts the history at {@code asOf} exactly.
     */
    public List<ClientEvent> upTo(String tenantId, String clientId, Instant asOf) {
        Instant millisecondAfter = asOf.plusMillis(1);
        return find(Filters.and(ofClient(tenantId, clientId), Filters.lt("occurredAt", Date.from(millisecondAfter))));
    }

    /** The ids of the tenant's clients that have events, sorted. */
    List<String> clientIds(String tenantId) {
        return events.distinct("clientId", Filters.eq("tenantId", tenantId), String.class).into(new ArrayList<>())
                .stream().sorted().toList();
    }

    long count(String tenantId, String clientId) {
        return events.countDocuments(ofClient(tenantId, clientId));
    }

    public boolean any(String tenantId, String clientId) {
        return events.find(ofClient(tenantId, clientId)).projection(Projections.include("_id")).limit(1).first() != null;
    }

    private List<ClientEvent> find(Bson filter) {
        List<ClientEvent> found = new ArrayList<>();
        for (Document stored : events.find(filter).sort(Sorts.ascending("occurredAt", "eventId"))) {
            found.add(read(stored));
        }
        return found;
    }

    private static Bson ofClient(String tenantId, String clientId) {
        return Filters.and(Filters.eq("tenantId", tenantId), Filters.eq("clientId", clientId));
    }

    private void ensureIndex() {
        if (!indexed) {
            events.createIndex(Indexes.ascending("tenantId", "clientId", "occurredAt", "eventId"));
            indexed = true;
        }
    }

    static String write(ClientEvent event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store " + event, e);
        }
    }

    static ClientEvent read(Document stored) {
        String type = stored.getString("type");
        Class<? extends ClientEvent> eventClass = TYPES.get(type);
        if (eventClass == null) {
            throw new IllegalStateException("stored client event " + stored.get("_id") + " has an unknown type " + type);
        }
        try {
            return JSON.readValue(stored.get("event", Document.class).toJson(RELAXED), eventClass);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored client event " + stored.get("_id") + " is not a " + type, e);
        }
    }
}
