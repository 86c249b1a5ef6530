package io.trustline.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.jobrunr.JobRunrDeadlineManager;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.bson.UuidRepresentation;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.nosql.mongo.MongoDBStorageProvider;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Projections;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trustline.infra.launcher.FreePorts;
import io.trustline.infra.launcher.MongoStandIn;
import io.trustline.infra.launcher.TrustlineHome;
import io.trustline.platform.json.TrustlineJson;
import io.trustline.platform.metrics.PipelineMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JobRunr deadlines on the Mongo stand-in, with two Axon configurations standing for two instances (or one
 * instance before and after a restart) of a service: they share the database and, here, an in-memory event store.
 */
class PersistentDeadlinesTest {

    private static final Duration POLL = Duration.ofSeconds(5);

    @TempDir
    static Path work;
    private static MongoStandIn mongo;

    private final InMemoryEventStorageEngine events = new InMemoryEventStorageEngine();
    private final String database = "deadlines-" + UUID.randomUUID();
    private final List<Running> running = new ArrayList<>();

    @BeforeAll
    static void startMongo() throws Exception {
        mongo = MongoStandIn.startInMemory(TrustlineHome.locate(), FreePorts.next(),
                Files.createTempFile(work, "mongo", ".log"));
    }

    @AfterAll
    static void stopMongo() {
        if (mongo != null) {
            mongo.close();
        }
    }

    @AfterEach
    void stopInstances() {
        running.forEach(Running::stop);
    }

    @Test
    void aDeadlineScheduledBeforeARestart_firesAfterIt() {
        Running before = start();
        String id = UUID.randomUUID().toString();
        before.configuration.commandGateway().sendAndWait(new SetReminder(id, Instant.now().plusSeconds(2)));
        before.stop();

        Running after = start();

        await().atMost(POLL.multipliedBy(4)).until(() -> reminded(id) == 1);
        // its due instant travelled with the job: the instance that fired it knows how late that was
        Timer lag = after.meters.get(PipelineMetrics.DEADLINE_FIRING_LAG).tag("deadline", "remind").timer();
        assertThat(lag.count()).isEqualTo(1);
        assertThat(lag.totalTime(TimeUnit.MILLISECONDS)).isPositive().isLessThan(POLL.multipliedBy(3).toMillis());
        assertThat(before.meters.find(PipelineMetrics.DEADLINE_FIRING_LAG).timer()).isNull();
    }

    @Test
    void deadlinesScheduledOneAfterAnother_eachFireForTheirOwnAggregate() {
        Running running = start();
        List<String> ids = Stream.generate(() -> UUID.randomUUID().toString()).limit(5).toList();

        // every job is built from its own deadline: each must keep its own arguments
        ids.forEach(id -> running.configuration.commandGateway().sendAndWait(new SetReminder(id, Instant.now().plusSeconds(1))));

        await().atMost(POLL.multipliedBy(4)).until(() -> ids.stream().allMatch(id -> reminded(id) == 1));
    }

    @Test
    void aDeadlineStoredByAxonsOwnJobRunrManager_isTheSameJobAndFires() {
        // deadlines pending from before this manager built its jobs itself were stored from Axon's lambda
        Running current = start();
        String id = UUID.randomUUID().toString();
        current.configuration.commandGateway().sendAndWait(new SetReminder(id, Instant.now().plus(Duration.ofDays(1))));
        Instant due = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongo.connectionString()))
                .uuidRepresentation(UuidRepresentation.STANDARD).build())) {
            MongoDBStorageProvider storage = new MongoDBStorageProvider(client, database,
                    PersistentDeadlines.COLLECTION_PREFIX, DatabaseOptions.SKIP_CREATE);
            storage.setJobMapper(new JobMapper(new JacksonJsonMapper()));
            JobRunrDeadlineManager axons = JobRunrDeadlineManager.builder()
                    .jobScheduler(new JobScheduler(storage, List.of()))
                    .scopeAwareProvider(new ConfigurationScopeAwareProvider(current.configuration))
                    .serializer(current.configuration.serializer())
                    .build();
            axons.schedule(due, "remind", new Due(due), new AggregateScopeDescriptor(Reminder.class.getSimpleName(), id));

            assertThat(client.getDatabase(database).getCollection(PersistentDeadlines.COLLECTION_PREFIX + "jobs")
                    .distinct("jobSignature", String.class).into(new ArrayList<>()))
                    .as("the signatures of the job Axon stored and of the one this manager stored")
                    .hasSize(1);
        }

        await().atMost(POLL.multipliedBy(4)).until(() -> reminded(id) == 1);
        assertThat(events.readEvents(id).asStream().<Object>map(e -> e.getPayload()).filter(Reminded.class::isInstance))
                .containsExactly(new Reminded(id, due));
    }

    @Test
    void withTwoInstances_aDeadlineFiresOnce() {
        Running first = start();
        start();
        String id = UUID.randomUUID().toString();

        first.configuration.commandGateway().sendAndWait(new SetReminder(id, Instant.now().plusSeconds(1)));

        await().atMost(POLL.multipliedBy(4)).until(() -> reminded(id) == 1);
        // both servers poll at least twice more: neither fires it again
        await().during(POLL.multipliedBy(2)).atMost(POLL.multipliedBy(3)).until(() -> reminded(id) == 1);
    }

    @Test
    void aKeyedDeadlineScheduledAgainUnderItsKey_isOneJob_andFiresOnce() {
        Running first = start();
        Running second = start();
        String id = UUID.randomUUID().toString();
        Instant at = Instant.now().plusSeconds(1);

        // as when a deadline that reschedules itself fires twice, on two instances
        first.configuration.commandGateway().sendAndWait(new SetKeyedReminder(id, at));
        second.configuration.commandGateway().sendAndWait(new SetKeyedReminder(id, at));

        await().atMost(POLL.multipliedBy(4)).until(() -> reminded(id) == 1);
        await().during(POLL.multipliedBy(2)).atMost(POLL.multipliedBy(3)).until(() -> reminded(id) == 1);
    }

    @Test
    void aDeadlineIsGivenToJobRunrOnePollAfterItsInstant_soNoPollEnqueuesItEarly() {
        // each poll enqueues the jobs due before the next poll and runs them at once: a job scheduled at the
        // deadline itself could fire up to a poll early, whether it does depends on the phase of JobRunr's tasks
        Running instance = start();
        Instant at = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);

        instance.configuration.commandGateway().sendAndWait(new SetReminder(UUID.randomUUID().toString(), at));

        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            Document job = client.getDatabase(database).getCollection(PersistentDeadlines.COLLECTION_PREFIX + "jobs")
                    .find().projection(Projections.fields(Projections.include("scheduledAt"), Projections.excludeId()))
                    .first();
            assertThat(job).isNotNull();
            assertThat(job.getLong("scheduledAt")).isEqualTo(ChronoUnit.MICROS.between(Instant.EPOCH, at.plus(POLL)));
        }
    }

    private long reminded(String id) {
        return events.readEvents(id).asStream().filter(e -> e.getPayload() instanceof Reminded).count();
    }

    private Running start() {
        Serializer serializer = JacksonSerializer.builder().objectMapper(TrustlineJson.newObjectMapper()).build();
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> events)
                .configureAggregate(Reminder.class);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        PersistentDeadlines deadlines = new PersistentDeadlines(mongo.connectionString(), database, POLL,
                new PipelineMetrics(meters));
        deadlines.configure(configurer, serializer);
        Configuration configuration = configurer.buildConfiguration();
        configuration.start();
        deadlines.start(configuration);
        Running instance = new Running(configuration, deadlines, meters);
        running.add(instance);
        return instance;
    }

    private static final class Running {
        final Configuration configuration;
        final PersistentDeadlines deadlines;
        final SimpleMeterRegistry meters;
        boolean stopped;

        Running(Configuration configuration, PersistentDeadlines deadlines, SimpleMeterRegistry meters) {
            this.configuration = configuration;
            this.deadlines = deadlines;
            this.meters = meters;
        }

        void stop() {
            if (!stopped) {
                stopped = true;
                deadlines.stop();
                configuration.shutdown();
            }
        }
    }

    record SetReminder(@TargetAggregateIdentifier String id, Instant at) {
    }

    record ReminderSet(String id, Instant at) {
    }

    record Reminded(String id, Instant dueAt) {
    }

    record Due(Instant at) {
    }

    record SetKeyedReminder(@TargetAggregateIdentifier String id, Instant at) {
    }

    record KeyedDue(Instant at) implements KeyedDeadline {
        @Override
        public String deadlineKey() {
            return at.toString();
        }
    }

    static class Reminder {

        @AggregateIdentifier
        private String id;

        Reminder() {
        }

        @CommandHandler
        @CreationPolicy(AggregateCreationPolicy.ALWAYS)
        void handle(SetReminder command, DeadlineManager deadlines) {
            apply(new ReminderSet(command.id(), command.at()));
            deadlines.schedule(command.at(), "remind", new Due(command.at()));
        }

        @CommandHandler
        @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
        void handle(SetKeyedReminder command, DeadlineManager deadlines) {
            apply(new ReminderSet(command.id(), command.at()));
            deadlines.schedule(command.at(), "remind", new KeyedDue(command.at()));
        }

        @DeadlineHandler(deadlineName = "remind")
        void on(Due due) {
            apply(new Reminded(id, due.at()));
        }

        @DeadlineHandler(deadlineName = "remind")
        void on(KeyedDue due) {
            apply(new Reminded(id, due.at()));
        }

        @EventSourcingHandler
        void on(ReminderSet event) {
            id = event.id();
        }
    }
}
