package io.trustline.platform.eventstore;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a store written before the global sequence (axon-mongo's {@code domainevents}, tracked by timestamp
 * tokens) into the sequenced store, once, before any processor starts: the events in timestamp order, and every
 * processor's token to the position of exactly the events it had handled, so none is handled twice or skipped.
 * A migration cut short is done again from the start at the next boot; the old collection is left as it was.
 * Run one instance of a service for the first boot after the upgrade.
 */
public final class LegacyEventStoreMigration {

    public static final String LEGACY_EVENTS = "domainevents";
    static final String TOKENS = "trackingtokens";
    private static final String DONE = "migrated-from-domainevents";
    private static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(LegacyEventStoreMigration.class);

    private final MongoDatabase database;
    private final Serializer serializer;
    private final Duration legacyLookBack;

    /**
     * @param legacyLookBack the look-back the old tokens were written with: an event older than a token's newest
     *                       by more than this was handled, a newer one only if the token lists it
     */
    public LegacyEventStoreMigration(MongoDatabase database, Serializer serializer, Duration legacyLookBack) {
        this.database = database;
        this.serializer = serializer;
        this.legacyLookBack = legacyLookBack;
    }

    /** Migrates if there is an old store not yet migrated; returns how many events were moved. */
    public int migrateIfNeeded() {
        MongoCollection<Document> sequence = database.getCollection(SequencedEventStorageEngine.SEQUENCE);
        MongoCollection<Document> legacy = database.getCollection(LEGACY_EVENTS);
        if (sequence.find(eq("_id", DONE)).first() != null || legacy.find().first() == null) {
            return 0;
        }
        List<Document> old = legacy.find().into(new ArrayList<>());
        old.sort(Comparator.comparing((Document event) -> Instant.parse(event.getString("timestamp")))
                .thenComparing(event -> event.getString("aggregateIdentifier"))
                .thenComparingLong(event -> event.getLong("sequenceNumber")));
        MongoCollection<Document> events = database.getCollection(SequencedEventStorageEngine.EVENTS);
        events.deleteMany(new Document()); // what a migration cut short left
        List<Document> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < old.size(); i++) {
            batch.add(moved(i + 1, old.get(i)));
            if (batch.size() == BATCH || i == old.size() - 1) {
                events.insertMany(batch);
                batch.clear();
            }
        }
        new EventSequence(sequence).advanceTo(old.size());
        convertTokens(old);
        sequence.insertOne(new Document("_id", DONE).append("events", old.size()).append("at", Instant.now().toString()));
        LOG.info("moved {} events from {} into the sequenced event store, and the processors' tokens with them",
                old.size(), LEGACY_EVENTS);
        return old.size();
    }

    private static Document moved(long index, Document old) {
        return new Document(StoredEvent.INDEX, index)
                .append(StoredEvent.STREAM_KEY, StoredEvent.streamKey(old.getString("aggregateIdentifier"),
                        old.getLong("sequenceNumber")))
                .append("aggregateIdentifier", old.getString("aggregateIdentifier"))
                .append("sequenceNumber", old.getLong("sequenceNumber"))
                .append("type", old.getString("type"))
                .append(StoredEvent.EVENT_ID, old.getString("eventIdentifier"))
                .append(StoredEvent.TIMESTAMP, StoredEvent.timestamp(Instant.parse(old.getString("timestamp"))))
                .append("payloadType", old.getString("payloadType"))
                .append("payloadRevision", old.getString("payloadRevision"))
                .append("payload", text(old.get("serializedPayload")))
                .append("metaData", text(old.get("serializedMetaData")));
    }

    private static String text(Object serialized) {
        if (serialized instanceof String string) {
            return string;
        }
        if (serialized instanceof Binary binary) {
            return new String(binary.getData(), StandardCharsets.UTF_8);
        }
        if (serialized instanceof Document document) {
            return document.toJson();
        }
        throw new IllegalStateException("an old event's serialized form is neither text nor bytes: " + serialized);
    }

    private void convertTokens(List<Document> inOrder) {
        MongoCollection<Document> tokens = database.getCollection(TOKENS);
        for (Document entry : tokens.find(eq("tokenType", MongoTrackingToken.class.getName()))) {
            byte[] bytes = ((Binary) entry.get("token")).getData();
            MongoTrackingToken old = serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class,
                    new SimpleSerializedType(MongoTrackingToken.class.getName(), null)));
            SerializedObject<byte[]> converted = serializer.serialize(position(old, inOrder), byte[].class);
            tokens.updateOne(eq("_id", entry.get("_id")), new Document("$set", new Document("token", converted.getData())
                    .append("tokenType", converted.getType().getName())));
        }
    }

    /** The sequenced position of exactly the events the old token had handled: the last of them, and the gaps before. */
    GapAwareTrackingToken position(MongoTrackingToken old, List<Document> inOrder) {
        Map<String, Long> listed = old.getTrackedEvents();
        Instant handledBefore = old.getTimestamp().minus(legacyLookBack);
        long last = 0;
        TreeSet<Long> unhandled = new TreeSet<>();
        for (int i = 0; i < inOrder.size(); i++) {
            Document event = inOrder.get(i);
            Instant timestamp = Instant.parse(event.getString("timestamp"));
            boolean handled = listed.containsKey(event.getString("eventIdentifier")) || timestamp.isBefore(handledBefore);
            if (handled) {
                last = i + 1;
            } else {
                unhandled.add(i + 1L);
            }
        }
        return new GapAwareTrackingToken(last, unhandled.headSet(last));
    }
}
