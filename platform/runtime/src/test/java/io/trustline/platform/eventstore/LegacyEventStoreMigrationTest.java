package io.trustline.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.trustline.platform.json.TrustlineJson;
import io.trustline.platform.testing.OnMongoStandIn;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * A service's data written before the global sequence — axon-mongo's store and its timestamp tokens, as the
 * previous release wrote them — read after the upgrade: every event kept, each processor going on from exactly
 * where it was.
 */
class LegacyEventStoreMigrationTest extends OnMongoStandIn {

    private static final Duration LOOK_BACK = Duration.ofSeconds(10);
    private static final Serializer SERIALIZER =
            JacksonSerializer.builder().objectMapper(TrustlineJson.newObjectMapper()).build();


    @Test
    void everyOldEventIsKept_andEachProcessorGoesOnWithExactlyTheEventsItHadNotHandled() {
        String name = "legacy-" + UUID.randomUUID();
        MongoDatabase database = client.getDatabase(name);
        MongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(client, name).build();
        MongoEventStorageEngine legacy = MongoEventStorageEngine.builder().mongoTemplate(template)
                .eventSerializer(SERIALIZER).snapshotSerializer(SERIALIZER)
                .storageStrategy(new DocumentPerEventStorageStrategy(EventEntryConfiguration.getDefault(), LOOK_BACK))
                .build();
        legacy.ensureIndexes();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        legacy.appendEvents(event("a", 0, start), event("a", 1, start.plusSeconds(1)));
        legacy.appendEvents(event("b", 0, start.plusSeconds(30)), event("b", 1, start.plusSeconds(31)));
        List<? extends TrackedEventMessage<?>> oldRead = read(legacy.readEvents(null, false));
        TokenStore tokens = MongoTokenStore.builder().mongoTemplate(template).serializer(SERIALIZER).build();
        tokens.initializeTokenSegments("after-three", 1, oldRead.get(2).trackingToken());
        tokens.initializeTokenSegments("after-one", 1, oldRead.get(0).trackingToken());

        int moved = new LegacyEventStoreMigration(database, SERIALIZER, LOOK_BACK).migrateIfNeeded();

        SequencedEventStorageEngine store = SequencedEventStorageEngine.builder().database(database)
                .eventSerializer(SERIALIZER).snapshotSerializer(SERIALIZER).build();
        assertThat(moved).isEqualTo(4);
        assertThat(payloads(read(store.readEvents(null, false)))).containsExactly("a0", "a1", "b0", "b1");
        assertThat(payloads(read(store.readEvents(tokens.fetchToken("after-three", 0), false)))).containsExactly("b1");
        assertThat(payloads(read(store.readEvents(tokens.fetchToken("after-one", 0), false))))
                .containsExactly("a1", "b0", "b1");
        assertThat(store.readEvents("b").asStream().map(message -> ((Noted) message.getPayload()).by()).toList())
                .containsExactly("b0", "b1");

        store.appendEvents(event("b", 2, Instant.now()));
        assertThat(new LegacyEventStoreMigration(database, SERIALIZER, LOOK_BACK).migrateIfNeeded())
                .as("a second boot moves nothing and keeps what was appended since").isZero();
        assertThat(payloads(read(store.readEvents(null, false)))).containsExactly("a0", "a1", "b0", "b1", "b2");
    }

    private static List<? extends TrackedEventMessage<?>> read(Stream<? extends TrackedEventMessage<?>> events) {
        try (events) {
            return events.collect(Collectors.toList());
        }
    }

    private static List<String> payloads(List<? extends TrackedEventMessage<?>> events) {
        return events.stream().map(message -> ((Noted) message.getPayload()).by()).toList();
    }

    private static GenericDomainEventMessage<Noted> event(String aggregate, long sequenceNumber, Instant timestamp) {
        return new GenericDomainEventMessage<>("Note", aggregate, sequenceNumber, new Noted(aggregate + sequenceNumber),
                MetaData.emptyInstance(), UUID.randomUUID().toString(), timestamp);
    }

    record Noted(String by) {
    }
}
