package io.trustline.platform.eventstore;

import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Sorts.ascending;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * Axon's event storage on MongoDB with a global sequence: each append reserves consecutive indices from one
 * counter and stores each event under its index, so a tracking processor reads the next batch by full-key lookups
 * of the indices after its token (and of the gaps it still waits for) — the same cost with a thousand or a
 * million events stored, on a MongoDB and on the stand-in alike, which scans for anything but a unique key.
 * An aggregate's events are read the same way, by their unique {@code aggregate/sequence} keys.
 *
 * <p>Indices reserved by an append that has not stored its events yet are gaps in the reader's
 * {@link GapAwareTrackingToken}: the reader asks for them again on every read and delivers them when they appear.
 * A gap is given up once an event stored after it is older than the gap timeout — an append that reserved its
 * indices and then failed (a conflicting aggregate version, a crash) never fills its gap.
 */
public final class SequencedEventStorageEngine extends BatchingEventStorageEngine {

    public static final String EVENTS = "event_log";
    public static final String SEQUENCE = "event_log_sequence";
    public static final Duration DEFAULT_GAP_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_GAP_OFFSET = 10_000;
    private static final int MAX_APPEND_ATTEMPTS = 10;
    // an issue holds 2 to 4 events, an incident about a dozen
    private static final int FIRST_READ = 16;

    private final MongoCollection<Document> events;
    private final EventSequence sequence;
    private final Duration gapTimeout;
    private final Clock clock;

    private SequencedEventStorageEngine(Builder builder) {
        super(builder);
        this.events = builder.database.getCollection(EVENTS);
        this.sequence = new EventSequence(builder.database.getCollection(SEQUENCE));
        this.gapTimeout = builder.gapTimeout;
        this.clock = builder.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates the unique keys the store relies on: an aggregate version is stored once, an event id once. */
    public void ensureIndexes() {
        events.createIndex(Indexes.ascending(StoredEvent.STREAM_KEY), new IndexOptions().unique(true));
        events.createIndex(Indexes.ascending(StoredEvent.EVENT_ID), new IndexOptions().unique(true));
        events.createIndex(Indexes.ascending(StoredEvent.TIMESTAMP));
        sequence.ensureExists();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> messages, Serializer serializer) {
        List<DomainEventMessage<?>> pending = messages.stream().<DomainEventMessage<?>>map(EventUtils::asDomainEventMessage).toList();
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            long first = sequence.reserve(pending.size());
            List<Document> documents = new ArrayList<>(pending.size());
            for (int i = 0; i < pending.size(); i++) {
                documents.add(StoredEvent.toDocument(first + i, pending.get(i), serializer));
            }
            try {
                events.insertMany(documents, new InsertManyOptions().ordered(true));
                pending = List.of();
            } catch (MongoBulkWriteException e) {
                BulkWriteError error = e.getWriteErrors().get(0);
                if (!isIndexTaken(error) || attempt == MAX_APPEND_ATTEMPTS) {
                    handlePersistenceException(e, pending.get(error.getIndex()));
                }
                // another writer holds that index, which a server without an atomic counter (the stand-in) can hand
                // out twice: the events before it are stored, the rest take new indices
                pending = pending.subList(error.getIndex(), pending.size());
            } catch (RuntimeException e) {
                handlePersistenceException(e, pending.get(0));
            }
        }
    }

    private static boolean isIndexTaken(BulkWriteError error) {
        return ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY
                && error.getMessage().contains("index: _id_");
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        throw new UnsupportedOperationException("this store keeps no snapshots: aggregates are short-lived");
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    /**
     * Most aggregates hold a few events, and every key asked for is an index lookup: the first read asks for
     * {@value #FIRST_READ} versions, and for the rest of the batch only when all of those exist.
     */
    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
                                                                  int batchSize) {
        int firstRead = Math.min(FIRST_READ, batchSize);
        List<Document> found = versions(aggregateIdentifier, firstSequenceNumber, firstRead);
        if (found.size() == firstRead && firstRead < batchSize) {
            found.addAll(versions(aggregateIdentifier, firstSequenceNumber + firstRead, batchSize - firstRead));
        }
        found.sort(Comparator.comparingLong(document -> document.getLong("sequenceNumber")));
        return found.stream().map(StoredEvent::toEntry).toList();
    }

    private List<Document> versions(String aggregateIdentifier, long first, int count) {
        List<String> keys = LongStream.range(first, first + count)
                .mapToObj(sequenceNumber -> StoredEvent.streamKey(aggregateIdentifier, sequenceNumber))
                .toList();
        return events.find(in(StoredEvent.STREAM_KEY, keys)).into(new ArrayList<>());
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken previous = (GapAwareTrackingToken) lastToken;
        long after = previous == null ? 0 : previous.getIndex();
        SortedSet<Long> gaps = previous == null ? new TreeSet<>() : previous.getGaps();
        List<Document> found = lookUp(wanted(after, gaps, batchSize));
        if (found.stream().noneMatch(document -> StoredEvent.index(document) > after) && sequence.last() > after + batchSize) {
            // a whole batch of reserved indices holds no event (appends that failed after reserving): skip to the next
            // stored event, with a range read that only this rare case pays for
            Set<Long> known = new TreeSet<>(found.stream().map(StoredEvent::index).toList());
            events.find(gt(StoredEvent.INDEX, after)).sort(ascending(StoredEvent.INDEX)).limit(batchSize)
                    .forEach(document -> {
                        if (known.add(StoredEvent.index(document))) {
                            found.add(document);
                        }
                    });
            found.sort(Comparator.comparingLong(StoredEvent::index));
        }
        GapAwareTrackingToken token = previous == null ? null : withoutExpiredGaps(previous, found);
        List<TrackedEventData<?>> tracked = new ArrayList<>();
        for (Document document : found) {
            long index = StoredEvent.index(document);
            if (token != null && index <= token.getIndex() && !token.getGaps().contains(index)) {
                continue; // a gap's neighbour, read only for its age
            }
            token = token == null
                    ? GapAwareTrackingToken.newInstance(index, LongStream.range(Math.max(1, index - MAX_GAP_OFFSET), index)
                            .boxed().toList())
                    : token.advanceTo(index, MAX_GAP_OFFSET);
            tracked.add(new TrackedDomainEventData<>(token, StoredEvent.toEntry(document)));
        }
        return tracked;
    }

    private static Set<Long> wanted(long after, SortedSet<Long> gaps, int batchSize) {
        Set<Long> wanted = new TreeSet<>(gaps);
        for (long gap : gaps) {
            wanted.add(gap + 1);
        }
        for (long index = after + 1; index <= after + batchSize; index++) {
            wanted.add(index);
        }
        return wanted;
    }

    private List<Document> lookUp(Set<Long> indices) {
        List<Document> found = events.find(in(StoredEvent.INDEX, indices)).into(new ArrayList<>());
        found.sort(Comparator.comparingLong(StoredEvent::index));
        return found;
    }

    /** The token without the gaps that an event stored after them has outlived by more than the gap timeout. */
    private GapAwareTrackingToken withoutExpiredGaps(GapAwareTrackingToken token, List<Document> found) {
        if (!token.hasGaps()) {
            return token;
        }
        Instant cutoff = clock.instant().minus(gapTimeout);
        SortedSet<Long> kept = new TreeSet<>();
        for (long gap : token.getGaps()) {
            Document filled = null;
            Document after = null;
            for (Document document : found) {
                long index = StoredEvent.index(document);
                if (index == gap) {
                    filled = document;
                } else if (index > gap && after == null) {
                    after = document;
                }
            }
            boolean expired = filled == null && after != null && StoredEvent.timestampOf(after).isBefore(cutoff);
            if (!expired) {
                kept.add(gap);
            }
        }
        return kept.size() == token.getGaps().size() ? token : new GapAwareTrackingToken(token.getIndex(), kept);
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        return GapAwareTrackingToken.newInstance(sequence.last(), List.of());
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        Document first = events.find(gte(StoredEvent.TIMESTAMP, StoredEvent.timestamp(dateTime)))
                .sort(ascending(StoredEvent.INDEX)).limit(1).first();
        return first == null ? createHeadToken() : GapAwareTrackingToken.newInstance(StoredEvent.index(first) - 1, List.of());
    }

    static boolean isDuplicateKey(Exception e) {
        if (e instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return e instanceof MongoBulkWriteException bulk && bulk.getWriteErrors().stream()
                .anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
    }

    /** The engine's settings, with Axon's own (serializers, batch size, upcasters) from the inherited builder. */
    public static final class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private Duration gapTimeout = DEFAULT_GAP_TIMEOUT;
        private Clock clock = Clock.systemUTC();

        private Builder() {
            persistenceExceptionResolver(SequencedEventStorageEngine::isDuplicateKey);
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer serializer) {
            super.eventSerializer(serializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer serializer) {
            super.snapshotSerializer(serializer);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        public SequencedEventStorageEngine build() {
            if (database == null) {
                throw new IllegalStateException("the event store needs its MongoDB database");
            }
            return new SequencedEventStorageEngine(this);
        }
    }
}
