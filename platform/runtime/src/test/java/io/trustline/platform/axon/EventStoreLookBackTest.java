package io.trustline.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.trustline.infra.launcher.FreePorts;
import io.trustline.infra.launcher.MongoStandIn;
import io.trustline.infra.launcher.TrustlineHome;
import io.trustline.platform.json.TrustlineJson;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The event store on the Mongo stand-in, as {@link AxonRuntime} builds it, read the way every tracking processor
 * reads it: an event whose insert becomes visible after newer-stamped events were already tracked, as a writer
 * that applied it first and committed last produces.
 */
class EventStoreLookBackTest {

    private static final Duration COMMITTED_LATE_BY = Duration.ofSeconds(3);

    @TempDir
    static Path work;
    private static MongoStandIn mongo;
    private static MongoClient client;

    @BeforeAll
    static void startMongo() throws Exception {
        mongo = MongoStandIn.startInMemory(TrustlineHome.locate(), FreePorts.next(),
                Files.createTempFile(work, "mongo", ".log"));
        client = MongoClients.create(mongo.connectionString());
    }

    @AfterAll
    static void stopMongo() {
        if (client != null) {
            client.close();
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    static Stream<Arguments> lookBacks() {
        return Stream.of(
                Arguments.of("Axon's default", Duration.ofSeconds(1), List.of()),
                Arguments.of("ours", Duration.parse(AxonRuntime.DEFAULT_LOOK_BACK), List.of(new Noted("slow"))));
    }

    @ParameterizedTest(name = "{0} look-back, {1}: reads {2}")
    @MethodSource("lookBacks")
    void anEventCommittedSecondsAfterANewerOne_isReadByAProcessorThatTrackedPastTheNewerOne(
            String which, Duration lookBack, List<Noted> expected) {
        MongoEventStorageEngine store = AxonRuntime.eventStorageEngine(
                DefaultMongoTemplate.builder().mongoDatabase(client, "lookback-" + UUID.randomUUID()).build(),
                JacksonSerializer.builder().objectMapper(TrustlineJson.newObjectMapper()).build(),
                500, lookBack);
        store.ensureIndexes();
        TrackingToken fromTheStart = store.createTailToken();
        Instant appliedFirst = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant committedFirst = appliedFirst.plus(COMMITTED_LATE_BY);

        store.appendEvents(event("fast", committedFirst));
        TrackingToken trackedPastFast = readAfter(store, fromTheStart).get(0).trackingToken();
        store.appendEvents(event("slow", appliedFirst));

        assertThat(readAfter(store, trackedPastFast)).extracting(TrackedEventMessage::getPayload)
                .isEqualTo(expected);
    }

    private static List<? extends TrackedEventMessage<?>> readAfter(MongoEventStorageEngine store, TrackingToken token) {
        try (Stream<? extends TrackedEventMessage<?>> events = store.readEvents(token, false)) {
            return events.collect(Collectors.toList());
        }
    }

    private static GenericDomainEventMessage<Noted> event(String aggregate, Instant timestamp) {
        return new GenericDomainEventMessage<>("Note", aggregate, 0, new Noted(aggregate), MetaData.emptyInstance(),
                UUID.randomUUID().toString(), timestamp);
    }

    record Noted(String by) {
    }
}
