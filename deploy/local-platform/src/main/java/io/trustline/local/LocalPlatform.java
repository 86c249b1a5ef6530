package io.trustline.local;

import io.trustline.infra.launcher.KafkaBroker;
import io.trustline.infra.launcher.MongoStandIn;
import io.trustline.infra.launcher.TrustlineHome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The whole platform on one machine: the Kafka broker, the Mongo stand-in and the four packaged
 * services, each its own process. Used by {@code ./trustline run} and by the end-to-end tests.
 */
public final class LocalPlatform implements AutoCloseable {

    private final LocalPlatformSettings settings;
    private final Path home;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private KafkaBroker kafka;
    private MongoStandIn mongo;

    public LocalPlatform(LocalPlatformSettings settings) {
        this.settings = settings;
        this.home = TrustlineHome.locate();
    }

    /** Starts everything and returns once every service reports ready; stops what started if anything fails. */
    public void start() {
        try {
            Path logs = settings.dataDir().resolve("logs");
            kafka = KafkaBroker.start(home, settings.kafkaPort(), settings.controllerPort(),
                    settings.dataDir().resolve("kafka"), logs.resolve("kafka.log"));
            mongo = settings.inMemoryMongo()
                    ? MongoStandIn.startInMemory(home, settings.mongoPort(), logs.resolve("mongo.log"))
                    : MongoStandIn.startOnH2(home, settings.mongoPort(), settings.dataDir().resolve("mongo/trustline.mv"),
                            logs.resolve("mongo.log"));
            Map<String, String> config = Map.of(
                    "kafka.bootstrap.servers", kafka.bootstrapServers(),
                    "quarkus.mongodb.connection-string", mongo.connectionString(),
                    "trustline.tenancy.api-keys", settings.tenantId() + ":" + sha256Hex(settings.apiKey()));
            settings.servicePorts().forEach((name, port) ->
                    services.put(name, new ServiceProcess(home, name, port, config, logs.resolve(name + ".log"))));
            // launched together: on two cores the JVMs' start-ups overlap with each other's I/O waits
            services.values().forEach(ServiceProcess::launch);
            for (ServiceProcess service : services.values()) {
                service.awaitReady(Duration.ofSeconds(120));
            }
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    public ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new NoSuchElementException("no service " + name + "; known: " + services.keySet());
        }
        return service;
    }

    public List<ServiceProcess> services() {
        return new ArrayList<>(services.values());
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** Stops the broker gracefully, as an outage would take it away; {@link #startKafkaAgain()} brings it back. */
    public void stopKafka() {
        kafka.close();
    }

    /** Starts the broker again on the same ports and data, so topics and committed offsets are kept. */
    public void startKafkaAgain() {
        kafka = KafkaBroker.start(home, settings.kafkaPort(), settings.controllerPort(),
                settings.dataDir().resolve("kafka"), settings.dataDir().resolve("logs/kafka.log"));
    }

    public MongoStandIn mongo() {
        return mongo;
    }

    /** Services first (they flush their work), then the Mongo stand-in (commits H2), then the broker. */
    public void stop() {
        services.values().forEach(ServiceProcess::stop);
        if (mongo != null) {
            mongo.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Override
    public void close() {
        stop();
    }

    static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
