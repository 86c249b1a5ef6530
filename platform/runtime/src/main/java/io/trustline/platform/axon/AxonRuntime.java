package io.trustline.platform.axon;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.trustline.platform.command.IdempotentCommands;
import io.trustline.platform.eventstore.LegacyEventStoreMigration;
import io.trustline.platform.eventstore.SequencedEventStorageEngine;
import io.trustline.platform.json.TrustlineJson;
import io.trustline.platform.metrics.AppendedEventsMonitor;
import io.trustline.platform.metrics.PipelineMetrics;
import io.trustline.platform.relay.OutboxRelay;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's Axon configuration, managed by CDI: event store on MongoDB through the official driver,
 * aggregates and handlers contributed by the service, the outbox relay and each read model as tracking
 * processors. Nothing but the append runs in a command's unit of work, so a command either stored its
 * events or failed before it did.
 * Started with Quarkus and shut down before the Kafka producer and Mongo client go away.
 */
@ApplicationScoped
public class AxonRuntime {

    public static final String RELAY_PROCESSOR = "outbox-relay";

    /** The timestamp tokens' look-back before the sequenced store: what their positions are read with. */
    private static final Duration LEGACY_LOOK_BACK = Duration.ofSeconds(10);

    static {
        // Axon prints a banner advertising its SaaS console at every start otherwise
        System.setProperty("disable-axoniq-console-message", "true");
    }

    private final Configuration configuration;
    private final PersistentDeadlines deadlines;

    @Inject
    AxonRuntime(MongoClient mongoClient,
                @ConfigProperty(name = "quarkus.mongodb.database") String database,
                @ConfigProperty(name = "trustline.relay.batch-size", defaultValue = "100") int relayBatchSize,
                @ConfigProperty(name = "trustline.eventstore.batch-size", defaultValue = "100") int storageBatchSize,
                @ConfigProperty(name = "trustline.eventstore.gap-timeout", defaultValue = "PT60S") Duration gapTimeout,
                @ConfigProperty(name = "trustline.eventstore.cached-events", defaultValue = "1024") int cachedEvents,
                @ConfigProperty(name = "trustline.read-models.batch-size", defaultValue = "100") int readModelBatchSize,
                @ConfigProperty(name = "quarkus.mongodb.connection-string") Optional<String> connectionString,
                @ConfigProperty(name = "trustline.deadlines.poll-interval", defaultValue = "PT15S") Duration deadlinePollInterval,
                Instance<AxonModule> modules,
                Instance<AxonMessageHandlers> handlers,
                OutboxRelay relay,
                PipelineMetrics metrics) {
        Serializer serializer = JacksonSerializer.builder().objectMapper(TrustlineJson.newObjectMapper()).build();
        MongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(mongoClient, database).build();
        new LegacyEventStoreMigration(mongoClient.getDatabase(database), serializer, LEGACY_LOOK_BACK).migrateIfNeeded();
        SequencedEventStorageEngine storageEngine = eventStorageEngine(mongoClient.getDatabase(database), serializer,
                storageBatchSize, gapTimeout);

        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEventStore(c -> embeddedEventStore(c, storageEngine, cachedEvents, metrics))
                // replacing the list drops Axon's default, so MessageOriginProvider is named again
                .configureCorrelationDataProviders(c -> List.of(new MessageOriginProvider(),
                        IdempotentCommands.correlationData()));
        configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerTokenStore(c -> MongoTokenStore.builder()
                        .mongoTemplate(template)
                        .serializer(serializer)
                        .build())
                .registerTrackingEventProcessor(RELAY_PROCESSOR,
                        Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(relayBatchSize)
                                // the default head token wrapped for replay grows with every event it sees
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .assignHandlerInstancesMatching(RELAY_PROCESSOR, OutboxRelay.class::isInstance)
                .registerEventHandler(c -> relay);

        if (modules.stream().anyMatch(AxonModule::schedulesDeadlines)) {
            deadlines = new PersistentDeadlines(connectionString.orElseThrow(() -> new IllegalStateException(
                    "persistent deadlines need quarkus.mongodb.connection-string: JobRunr builds its own client from it")),
                    database, deadlinePollInterval, metrics);
            deadlines.configure(configurer, serializer);
        } else {
            deadlines = null;
        }
        for (AxonModule module : modules) {
            for (Class<?> aggregate : module.aggregates()) {
                configurer.configureAggregate(aggregateConfiguration(aggregate));
            }
            module.customize(configurer);
        }
        for (AxonMessageHandlers bean : handlers) {
            Object handler = ClientProxy.unwrap(bean);
            if (declares(handler, EventHandler.class)) {
                String readModel = readModelName(handler);
                configurer.eventProcessing()
                        .registerTrackingEventProcessor(readModel, Configuration::eventStore,
                                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                        .andBatchSize(readModelBatchSize)
                                        // a new read model is built from the first stored event
                                        .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                        .assignHandlerInstancesMatching(readModel, handler::equals)
                        .registerEventHandler(c -> handler);
            }
            if (declares(handler, QueryHandler.class)) {
                configurer.registerQueryHandler(c -> handler);
            }
        }
        this.configuration = configurer.buildConfiguration();
    }

    /**
     * Axon's event store with a smaller cache than its default 10 000 events: the cache holds each event with its
     * payload, for processors at the head of the stream; a processor further behind reads MongoDB by index.
     */
    private static EventStore embeddedEventStore(Configuration c, EventStorageEngine storageEngine, int cachedEvents,
                                                 PipelineMetrics metrics) {
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .cachedEvents(cachedEvents)
                .messageMonitor(new MultiMessageMonitor<>(c.messageMonitor(EmbeddedEventStore.class, "eventStore"),
                        new AppendedEventsMonitor(metrics)))
                .spanFactory(c.getComponent(EventBusSpanFactory.class))
                .build();
        c.onShutdown(eventStore::shutDown);
        return eventStore;
    }

    void start(@Observes @Priority(100) StartupEvent event) {
        configuration.start();
        if (deadlines != null) {
            deadlines.start(configuration);
        }
    }

    void stop(@Observes @Priority(100) ShutdownEvent event) {
        if (deadlines != null) {
            deadlines.stop();
        }
        configuration.shutdown();
    }

    public Configuration configuration() {
        return configuration;
    }

    @Produces
    @ApplicationScoped
    CommandGateway commandGateway() {
        return configuration.commandGateway();
    }

    @Produces
    @ApplicationScoped
    QueryGateway queryGateway() {
        return configuration.queryGateway();
    }

    @Produces
    @ApplicationScoped
    EventStore eventStore() {
        return configuration.eventStore();
    }

    /**
     * An event-sourcing repository without a cache: every command loads its aggregate from the event store. A cache
     * is per instance, and with several instances of a service sharing the store (any instance may take any command,
     * any deadline) a cached aggregate misses what another instance appended since: a command would be judged on a
     * stale state — refused as not allowed in a state the aggregate has left, or accepted and then stored under a
     * sequence number the other instance already used.
     */
    static <A> AggregateConfigurer<A> aggregateConfiguration(Class<A> aggregate) {
        return AggregateConfigurer.defaultConfiguration(aggregate);
    }

    static SequencedEventStorageEngine eventStorageEngine(MongoDatabase database, Serializer serializer, int batchSize,
                                                          Duration gapTimeout) {
        SequencedEventStorageEngine engine = SequencedEventStorageEngine.builder()
                .database(database)
                .gapTimeout(gapTimeout)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .batchSize(batchSize)
                .build();
        engine.ensureIndexes();
        return engine;
    }

    /** The bean's own class name: also its token's name, so it must not change with CDI's generated subclasses. */
    private static String readModelName(Object handler) {
        Class<?> type = handler instanceof io.quarkus.arc.Subclass ? handler.getClass().getSuperclass() : handler.getClass();
        return type.getSimpleName();
    }

    private static boolean declares(Object handler, Class<? extends java.lang.annotation.Annotation> annotation) {
        for (Class<?> type = handler.getClass(); type != Object.class; type = type.getSuperclass()) {
            if (Arrays.stream(type.getDeclaredMethods()).anyMatch((Method m) -> m.isAnnotationPresent(annotation))) {
                return true;
            }
        }
        return false;
    }
}
