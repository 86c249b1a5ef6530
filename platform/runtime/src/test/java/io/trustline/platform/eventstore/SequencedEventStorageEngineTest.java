package io.trustline.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import io.trustline.platform.json.TrustlineJson;
import io.trustline.platform.testing.OnMongoStandIn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The event store on the Mongo stand-in, read the way every tracking processor and aggregate reads it: writers that
 * reserve their indices first and store their events late, or never.
 */
class SequencedEventStorageEngineTest extends OnMongoStandIn {

    private static final int BATCH = 100;
    private static final Serializer SERIALIZER =
            JacksonSerializer.builder().objectMapper(TrustlineJson.newObjectMapper()).build();

    private MongoDatabase database;
    private Instant now;

    @BeforeEach
    void freshDatabase() {
        database = client.getDatabase("events-" + UUID.randomUUID());
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private SequencedEventStorageEngine store(Instant clockAt) {
        SequencedEventStorageEngine store = SequencedEventStorageEngine.builder()
                .database(database)
                .gapTimeout(Duration.ofSeconds(60))
                .clock(Clock.fixed(clockAt, ZoneOffset.UTC))
                .eventSerializer(SERIALIZER)
                .snapshotSerializer(SERIALIZER)
                .batchSize(BATCH)
                .build();
        store.ensureIndexes();
        return store;
    }

    @Test
    void anEventStoredAfterANewerOneWasTracked_isStillDelivered() {
        SequencedEventStorageEngine store = store(now);
        long reservedFirst = new EventSequence(database.getCollection(SequencedEventStorageEngine.SEQUENCE)).reserve(1);
        store.appendEvents(event("fast", 0, now));
        List<? extends TrackedEventMessage<?>> first = readAfter(store, store.createTailToken());
        assertThat(first).extracting(message -> (Object) message.getPayload()).containsExactly(new Noted("fast"));

        storeLate(reservedFirst, event("slow", 0, now.minusSeconds(3)));

        assertThat(readAfter(store, first.get(0).trackingToken())).extracting(message -> (Object) message.getPayload())
                .containsExactly(new Noted("slow"));
    }

    @Test
    void aGapNeverFilled_isGivenUpOnceAnEventStoredAfterItIsOlderThanTheTimeout() {
        new EventSequence(database.getCollection(SequencedEventStorageEngine.SEQUENCE)).reserve(1);
        store(now).appendEvents(event("after-the-gap", 0, now.minusSeconds(61)));
        TrackingToken withGap = readAfter(store(now.minusSeconds(61)), null).get(0).trackingToken();
        assertThat(((GapAwareTrackingToken) withGap).getGaps()).containsExactly(1L);

        store(now).appendEvents(event("next", 0, now));

        TrackingToken next = readAfter(store(now), withGap).get(0).trackingToken();
        assertThat(((GapAwareTrackingToken) next).getGaps()).isEmpty();
    }

    @Test
    void moreReservedIndicesThanABatchWithoutEvents_areSkippedToTheNextStoredEvent() {
        new EventSequence(database.getCollection(SequencedEventStorageEngine.SEQUENCE)).reserve(BATCH * 2 + 50);
        SequencedEventStorageEngine store = store(now);
        store.appendEvents(event("beyond", 0, now));

        assertThat(readAfter(store, null)).extracting(message -> (Object) message.getPayload()).containsExactly(new Noted("beyond"));
    }

    @Test
    void aSecondWriterOfTheSameAggregateVersion_isRefusedAndStoresNothing() {
        SequencedEventStorageEngine store = store(now);
        store.appendEvents(event("issue-1", 0, now), event("issue-1", 1, now));

        assertThatThrownBy(() -> store.appendEvents(event("issue-1", 1, now)))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(readAfter(store, null)).hasSize(2);
    }

    @Test
    void anAggregateLongerThanABatch_isReadBackWholeAndInOrder() {
        SequencedEventStorageEngine store = store(now);
        int versions = BATCH * 2 + 7;
        store.appendEvents(IntStream.range(0, versions).mapToObj(i -> event("long", i, now)).collect(Collectors.toList()));

        assertThat(store.readEvents("long").asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .isEqualTo(IntStream.range(0, versions).mapToObj(Long::valueOf).toList());
        assertThat(store.lastSequenceNumberFor("long")).contains((long) versions - 1);
    }

    @Test
    void aggregatesAroundTheSizeOfTheFirstRead_areReadBackWhole() {
        // the first read asks for 16 versions, and for the rest of the batch only when all 16 exist
        SequencedEventStorageEngine store = store(now);
        for (int versions : new int[] {1, 15, 16, 17, BATCH, BATCH + 1}) {
            String aggregate = "sized-" + versions;
            store.appendEvents(IntStream.range(0, versions).mapToObj(i -> event(aggregate, i, now)).collect(Collectors.toList()));

            assertThat(store.readEvents(aggregate).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                    .as("an aggregate of %d events", versions)
                    .isEqualTo(IntStream.range(0, versions).mapToObj(Long::valueOf).toList());
        }
    }

    @Test
    void aTrackingReadDeliversEveryEventOnceInIndexOrder_acrossBatches() {
        SequencedEventStorageEngine store = store(now);
        int count = BATCH * 3 + 11;
        for (int i = 0; i < count; i++) {
            store.appendEvents(event("aggregate-" + (i % 7), i / 7, now));
        }

        assertThat(readAfter(store, null)).extracting(message -> ((GapAwareTrackingToken) message.trackingToken()).getIndex())
                .isEqualTo(IntStream.rangeClosed(1, count).mapToObj(Long::valueOf).toList());
    }

    @Test
    void concurrentWriters_eachGetTheirOwnIndicesAndEveryEventIsDeliveredOnce() throws Exception {
        SequencedEventStorageEngine store = store(now);
        int writers = 8;
        int appendsEach = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String aggregate = "writer-" + w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < appendsEach; i++) {
                        store.appendEvents(event(aggregate, 2L * i, now), event(aggregate, 2L * i + 1, now));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }

        List<? extends TrackedEventMessage<?>> read = readAfter(store, null);
        // the stand-in's counter is not atomic: writers handed the same index take new ones, which can leave an index
        // unused (a gap the readers give up on), never an event twice or out of order
        assertThat(read).extracting(TrackedEventMessage::getIdentifier).doesNotHaveDuplicates()
                .hasSize(2 * writers * appendsEach);
        assertThat(read).extracting(message -> ((GapAwareTrackingToken) message.trackingToken()).getIndex())
                .isSorted();
        for (int w = 0; w < writers; w++) {
            assertThat(store.readEvents("writer-" + w).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                    .isEqualTo(LongStream.range(0, 2L * appendsEach).boxed().toList());
        }
    }

    private void storeLate(long index, DomainEventMessage<?> event) {
        database.getCollection(SequencedEventStorageEngine.EVENTS).insertOne(StoredEvent.toDocument(index, event, SERIALIZER));
    }

    private static List<? extends TrackedEventMessage<?>> readAfter(SequencedEventStorageEngine store, TrackingToken token) {
        try (Stream<? extends TrackedEventMessage<?>> events = store.readEvents(token, false)) {
            return events.collect(Collectors.toList());
        }
    }

    private static GenericDomainEventMessage<Noted> event(String aggregate, long sequenceNumber, Instant timestamp) {
        return new GenericDomainEventMessage<>("Note", aggregate, sequenceNumber, new Noted(aggregate), MetaData.emptyInstance(),
                UUID.randomUUID().toString(), timestamp);
    }

    record Noted(String by) {
    }
}
