package io.trustline.platform.eventstore;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * The store's global sequence: one counter document, advanced atomically by each append for exactly as many
 * events as it stores, so every instance of the service draws from the same sequence.
 */
final class EventSequence {

    private static final String COUNTER = "events";

    private final MongoCollection<Document> counters;

    EventSequence(MongoCollection<Document> counters) {
        this.counters = counters;
    }

    /** Creates the counter if no append has yet; concurrent first appends would otherwise race to insert it. */
    void ensureExists() {
        try {
            counters.insertOne(new Document("_id", COUNTER).append("last", 0L));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Reserves {@code count} indices and returns the first; the rest follow it. */
    long reserve(int count) {
        Document counter = counters.findOneAndUpdate(eq("_id", COUNTER), Updates.inc("last", (long) count),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (counter == null) {
            ensureExists();
            return reserve(count);
        }
        return counter.getLong("last") - count + 1;
    }

    /** The highest index reserved so far, 0 before the first append. */
    long last() {
        Document counter = counters.find(eq("_id", COUNTER)).first();
        return counter == null ? 0 : counter.getLong("last");
    }

    /** Moves the sequence to at least {@code index}, for a store filled other than by appends. */
    void advanceTo(long index) {
        counters.updateOne(eq("_id", COUNTER), Updates.max("last", index),
                new UpdateOptions().upsert(true));
    }
}
