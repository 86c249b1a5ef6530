package io.trustline.platform.axon;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.trustline.platform.metrics.PipelineMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.deadline.jobrunr.JobRunrDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.bson.UuidRepresentation;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.nosql.mongo.MongoDBStorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;

/**
 * Axon's deadline manager on JobRunr, stored in the service's MongoDB: a deadline is a JobRunr job in the
 * {@value #COLLECTION_PREFIX}* collections, so it survives a restart and is fired by whichever instance's
 * background server claims it first (JobRunr claims a job with an optimistic version check, so one instance
 * runs it). {@link AxonRuntime} starts its background server after the Axon configuration and stops it before.
 *
 * <p>A job that fails is retried by JobRunr; the aggregate's deadline handlers check the state, so a deadline
 * run twice records nothing the second time.
 */
final class PersistentDeadlines {

    static final String COLLECTION_PREFIX = "jobrunr_";
    private static final List<String> COLLECTIONS = List.of("jobs", "recurring_jobs", "background_job_servers",
            "metadata", "migrations");

    private final String connectionString;
    private final String database;
    private final Duration pollInterval;
    private final PipelineMetrics metrics;
    private JobRunrDeadlineManager manager;
    private BackgroundJobServer server;
    private MongoDBStorageProvider storage;

    PersistentDeadlines(String connectionString, String database, Duration pollInterval, PipelineMetrics metrics) {
        this.connectionString = connectionString;
        this.database = database;
        this.pollInterval = pollInterval;
        this.metrics = metrics;
    }

    void configure(Configurer configurer, Serializer serializer) {
        // JobRunr stores its job ids as UUIDs and needs the standard representation the Quarkus client does not set
        MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connectionString))
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .build());
        createCollections(client.getDatabase(database));
        // SKIP_CREATE: JobRunr's own migrations drop an index the Mongo stand-in never created, and fail there
        storage = new MongoDBStorageProvider(client, database, COLLECTION_PREFIX,
                DatabaseOptions.SKIP_CREATE);
        JsonMapper json = new JacksonJsonMapper();
        storage.setJobMapper(new JobMapper(json));
        // deadlines are scheduled as ready-made jobs (NeverEarlyDeadlineManager); Axon's manager still deletes through it
        JobScheduler scheduler = new JobScheduler(storage, List.of());

        configurer.configureDeadlineManager(c -> {
            manager = new NeverEarlyDeadlineManager(JobRunrDeadlineManager.builder()
                    .jobScheduler(scheduler)
                    .scopeAwareProvider(new ConfigurationScopeAwareProvider(c))
                    .serializer(serializer)
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .spanFactory(c.spanFactory()), pollInterval, serializer, storage);
            manager.registerHandlerInterceptor(new DeadlineFiringLag(metrics, Clock.systemUTC()));
            return manager;
        });
        JobActivator activator = new JobActivator() {
            @Override
            public <T> T activateJob(Class<T> type) {
                // the only jobs are deadlines: JobRunr calls JobRunrDeadlineManager#execute on the manager we built
                return type.isInstance(manager) ? type.cast(manager) : null;
            }
        };
        server = new BackgroundJobServer(storage, json, activator,
                BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                        .andPollInterval(pollInterval));
    }

    /** Fires due deadlines from now on; call once the configuration's aggregates are registered. */
    void start(Configuration configuration) {
        configuration.deadlineManager();
        server.start();
    }

    void stop() {
        server.stop();
        storage.close();
    }

    private static void createCollections(MongoDatabase db) {
        Set<String> existing = db.listCollectionNames().into(new HashSet<>());
        for (String name : COLLECTIONS) {
            if (!existing.contains(COLLECTION_PREFIX + name)) {
                try {
                    db.createCollection(COLLECTION_PREFIX + name);
                } catch (MongoCommandException e) {
                    // another instance created it first (NamespaceExists)
                    if (e.getErrorCode() != 48) {
                        throw e;
                    }
                }
            }
        }
    }
}
