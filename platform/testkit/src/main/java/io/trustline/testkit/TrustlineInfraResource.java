package io.trustline.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.trustline.infra.launcher.FreePorts;
import io.trustline.infra.launcher.KafkaBroker;
import io.trustline.infra.launcher.MongoStandIn;
import io.trustline.infra.launcher.TrustlineHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Real infrastructure for a {@code @QuarkusTest}: by default a Kafka broker and the Mongo-wire stand-in,
 * each in its own JVM on free ports; with {@code -Dtrustline.infra=containers}, Kafka and MongoDB
 * containers through Testcontainers. Also configures the {@link TestTenants}' API keys.
 */
public class TrustlineInfraResource implements QuarkusTestResourceLifecycleManager {

    public static final String MODE_PROPERTY = "trustline.infra";

    private static volatile String kafkaBootstrapServers;
    private static volatile String mongoConnectionString;

    private KafkaBroker broker;
    private MongoStandIn mongo;
    private KafkaContainer kafkaContainer;
    private MongoDBContainer mongoContainer;
    private Path workDir;

    @Override
    public Map<String, String> start() {
        if (usesContainers()) {
            startContainers();
        } else {
            startLocalProcesses();
        }
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafkaBootstrapServers);
        config.put("quarkus.mongodb.connection-string", mongoConnectionString);
        config.put("trustline.tenancy.api-keys", TestTenants.apiKeysConfig());
        return config;
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (kafkaContainer != null) {
            kafkaContainer.stop();
        }
        if (mongoContainer != null) {
            mongoContainer.stop();
        }
        if (workDir != null) {
            deleteRecursively(workDir);
        }
    }

    public static String kafkaBootstrapServers() {
        if (kafkaBootstrapServers == null) {
            throw new IllegalStateException("TrustlineInfraResource has not started");
        }
        return kafkaBootstrapServers;
    }

    public static String mongoConnectionString() {
        return mongoConnectionString;
    }

    static boolean usesContainers() {
        return "containers".equals(System.getProperty(MODE_PROPERTY, "local"));
    }

    private void startLocalProcesses() {
        try {
            workDir = Files.createTempDirectory("trustline-test-infra");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path home = TrustlineHome.locate();
        broker = KafkaBroker.start(home, FreePorts.next(), FreePorts.next(), workDir.resolve("kafka"), workDir.resolve("kafka.log"));
        mongo = MongoStandIn.startInMemory(home, FreePorts.next(), workDir.resolve("mongo.log"));
        kafkaBootstrapServers = broker.bootstrapServers();
        mongoConnectionString = mongo.connectionString();
    }

    private void startContainers() {
        kafkaContainer = new KafkaContainer("apache/kafka:4.1.1");
        mongoContainer = new MongoDBContainer("mongo:7.0");
        kafkaContainer.start();
        mongoContainer.start();
        kafkaBootstrapServers = kafkaContainer.getBootstrapServers();
        mongoConnectionString = mongoContainer.getConnectionString();
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir, e);
        }
    }
}
