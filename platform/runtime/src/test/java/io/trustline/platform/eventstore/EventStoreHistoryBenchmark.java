package io.trustline.platform.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.trustline.infra.launcher.FreePorts;
import io.trustline.infra.launcher.MongoStandIn;
import io.trustline.infra.launcher.TrustlineHome;
import io.trustline.platform.json.TrustlineJson;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntry;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;

/**
 * {@code ./trustline bench history [HISTORY [PROBE]]}: does the event store cost more per event with more events
 * stored? On the Mongo stand-in, appends PROBE events (two per command, as an issue report) while a tracking reader
 * follows each append — as the outbox relay does — first with 1 000 events stored, then with HISTORY (default
 * 1 000 000) loaded in bulk before; for the sequenced store and for axon-mongo's timestamp-tracked store it replaced.
 * Reports wall time and CPU (stand-in and client) per event. Figures, not assertions.
 */
public final class EventStoreHistoryBenchmark {

    private static final Serializer SERIALIZER =
            JacksonSerializer.builder().objectMapper(TrustlineJson.newObjectMapper()).build();
    private static final int SMALL = 1_000;
    private static final int LOAD_BATCH = 5_000;

    private final MongoStandIn mongo;
    private final MongoClient client;

    private EventStoreHistoryBenchmark(MongoStandIn mongo) {
        this.mongo = mongo;
        this.client = MongoClients.create(mongo.connectionString());
    }

    public static void main(String[] args) throws Exception {
        int history = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int probe = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        System.setProperty(MongoStandIn.HEAP_PROPERTY, System.getProperty(MongoStandIn.HEAP_PROPERTY, "6g"));
        Path log = Files.createTempFile("trustline-history-mongo", ".log");
        try (MongoStandIn mongo = MongoStandIn.startInMemory(TrustlineHome.locate(), FreePorts.next(), log)) {
            EventStoreHistoryBenchmark bench = new EventStoreHistoryBenchmark(mongo);
            System.out.printf("%nEvent store cost per event against events already stored (Mongo stand-in, %d cores)%n",
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("  %-34s %10s %8s %14s %14s %14s%n", "store", "stored", "probe", "wall µs/event",
                    "stand-in CPU", "client CPU");
            bench.run("sequenced (this release)", true, history, probe);
            // axon-mongo scans its collection on the stand-in for every tracking read: a short probe is enough
            bench.run("axon-mongo, timestamp-tracked", false, history, Math.max(20, probe / 100));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private void run(String name, boolean sequenced, int history, int probe) {
        MongoDatabase database = client.getDatabase("history-" + UUID.randomUUID());
        EventStorageEngine store = sequenced ? sequenced(database) : legacy(database);
        TrackingToken token = null;
        for (int i = 0; i < SMALL / 2; i++) {
            store.appendEvents(event("warm-" + i, 0), event("warm-" + i, 1));
        }
        token = readAll(store, token);
        token = measure(null, store, token, SMALL, probe); // warms up the JIT of both JVMs: not reported
        token = measure(name, store, token, SMALL, probe);
        long stored = SMALL + 2L * probe;
        if (history > stored) {
            token = load(database, sequenced, stored, history, token);
            measure(name, store, token, history, probe);
        }
        database.drop();
    }

    private TrackingToken measure(String name, EventStorageEngine store, TrackingToken from, long stored, int probe) {
        TrackingToken token = from;
        double mongoCpu = mongoCpuSeconds();
        long clientCpu = clientCpuNanos();
        long start = System.nanoTime();
        String run = UUID.randomUUID().toString();
        for (int i = 0; i < probe / 2; i++) {
            store.appendEvents(event(run + "-" + i, 0), event(run + "-" + i, 1));
            token = readAll(store, token);
        }
        double events = probe / 2 * 2.0;
        if (name == null) {
            return token;
        }
        System.out.printf("  %-34s %10d %8d %14.0f %11.0f µs %11.0f µs%n", name, stored, (int) events,
                (System.nanoTime() - start) / 1e3 / events, (mongoCpuSeconds() - mongoCpu) * 1e6 / events,
                (clientCpuNanos() - clientCpu) / 1e3 / events);
        return token;
    }

    private static TrackingToken readAll(EventStorageEngine store, TrackingToken from) {
        TrackingToken token = from;
        try (Stream<? extends TrackedEventMessage<?>> events = store.readEvents(from, false)) {
            var iterator = events.iterator();
            while (iterator.hasNext()) {
                token = iterator.next().trackingToken();
            }
        }
        return token;
    }

    /** Stores older events in bulk up to {@code total}, behind the reader, as a store with years of history holds. */
    private TrackingToken load(MongoDatabase database, boolean sequenced, long stored, long total, TrackingToken token) {
        Instant past = Instant.now().minus(Duration.ofDays(400));
        MongoCollection<Document> collection = database.getCollection(sequenced ? SequencedEventStorageEngine.EVENTS
                : LegacyEventStoreMigration.LEGACY_EVENTS);
        long firstIndex = sequenced ? new EventSequence(database.getCollection(SequencedEventStorageEngine.SEQUENCE)).last() + 1 : 0;
        List<Document> batch = new ArrayList<>(LOAD_BATCH);
        long count = total - stored;
        for (long i = 0; i < count; i++) {
            GenericDomainEventMessage<Noted> event = new GenericDomainEventMessage<>("History", "history-" + i, 0,
                    new Noted("history"), MetaData.emptyInstance(), UUID.randomUUID().toString(), past.plusMillis(i));
            batch.add(sequenced ? StoredEvent.toDocument(firstIndex + i, event, SERIALIZER)
                    : new EventEntry(event, SERIALIZER).asDocument(EventEntryConfiguration.getDefault()));
            if (batch.size() == LOAD_BATCH || i == count - 1) {
                collection.insertMany(batch);
                batch.clear();
            }
        }
        if (!sequenced) {
            return token; // the loaded events are older than the reader's token: a timestamp-tracked reader skips them
        }
        long last = firstIndex + count - 1;
        new EventSequence(database.getCollection(SequencedEventStorageEngine.SEQUENCE)).advanceTo(last);
        return new GapAwareTrackingToken(last, List.of());
    }

    private static EventStorageEngine sequenced(MongoDatabase database) {
        SequencedEventStorageEngine store = SequencedEventStorageEngine.builder().database(database)
                .eventSerializer(SERIALIZER).snapshotSerializer(SERIALIZER).build();
        store.ensureIndexes();
        return store;
    }

    private EventStorageEngine legacy(MongoDatabase database) {
        MongoEventStorageEngine store = MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, database.getName()).build())
                .eventSerializer(SERIALIZER).snapshotSerializer(SERIALIZER)
                .storageStrategy(new DocumentPerEventStorageStrategy(EventEntryConfiguration.getDefault(), Duration.ofSeconds(10)))
                .build();
        store.ensureIndexes();
        return store;
    }

    private static GenericDomainEventMessage<Noted> event(String aggregate, long sequenceNumber) {
        return new GenericDomainEventMessage<>("Note", aggregate, sequenceNumber, new Noted(aggregate),
                MetaData.emptyInstance(), UUID.randomUUID().toString(), Instant.now());
    }

    private double mongoCpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(mongo.process().pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    record Noted(String by) {
    }
}
