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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Real infrastructure for a {@code @QuarkusTest}: by default ({@code -Dtrustline.infra=local}) a Kafka
 * broker and the Mongo-wire stand-in, each in its own JVM on free ports, ending with the test JVM however
 * it ends; with {@code -Dtrustline.infra=containers}, Kafka and MongoDB containers through Testcontainers.
 * Also configures the {@link TestTenants}' API keys.
 */
public class TrustlineInfraResource implements QuarkusTestResourceLifecycleManager {

    public static final String MODE_PROPERTY = "trustline.infra";
    public static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    public static final String MONGO_IMAGE = "mongo:7.0";

    private static volatile String kafkaBootstrapServers;
    private static volatile String mongoConnectionString;

    private KafkaBroker broker;
    private MongoStandIn mongo;
    private KafkaContainer kafkaContainer;
    private MongoDBContainer mongoContainer;
    private Path workDir;

    @Override
    public Map<String, String> start() {
        try {
            if (usesContainers()) {
                startContainers();
            } else {
                startLocalProcesses();
            }
        } catch (RuntimeException e) {
            // Quarkus does not call stop() after a failed start: end what did start
            stop();
            throw e;
        }
        return Map.of(
                "kafka.bootstrap.servers", kafkaBootstrapServers,
                "quarkus.mongodb.connection-string", mongoConnectionString,
                "trustline.tenancy.api-keys", TestTenants.apiKeysConfig());
    }

    @Override
    public void stop() {
        kafkaBootstrapServers = null;
        mongoConnectionString = null;
        if (broker != null) {
            broker.close();
            broker = null;
        }
        if (mongo != null) {
            mongo.close();
            mongo = null;
        }
        if (kafkaContainer != null || mongoContainer != null) {
            TestcontainersSupport.run(() -> {
                if (kafkaContainer != null) {
                    kafkaContainer.stop();
                }
                if (mongoContainer != null) {
                    mongoContainer.stop();
                }
            });
            kafkaContainer = null;
            mongoContainer = null;
        }
        if (workDir != null) {
            deleteRecursively(workDir);
            workDir = null;
        }
    }

    /** The bootstrap servers of the running infrastructure, for test helpers such as {@link KafkaTestTopics}. */
    public static String kafkaBootstrapServers() {
        return running(kafkaBootstrapServers);
    }

    public static String mongoConnectionString() {
        return running(mongoConnectionString);
    }

    static boolean usesContainers() {
        String mode = System.getProperty(MODE_PROPERTY, "local");
        if (!List.of("local", "containers").contains(mode)) {
            throw new IllegalArgumentException("-D" + MODE_PROPERTY + " is 'local' or 'containers', not '" + mode + "'");
        }
        return mode.equals("containers");
    }

    private static String running(String value) {
        if (value == null) {
            throw new IllegalStateException("TrustlineInfraResource is not running: add "
                    + "@WithTestResource(TrustlineInfraResource.class) to the test class");
        }
        return value;
    }

    private void startLocalProcesses() {
        try {
            workDir = Files.createTempDirectory("trustline-test-infra");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the test infrastructure", e);
        }
        Path home = TrustlineHome.locate();
        broker = KafkaBroker.start(home, FreePorts.next(), FreePorts.next(), workDir.resolve("kafka"), workDir.resolve("kafka.log"));
        mongo = MongoStandIn.startInMemory(home, FreePorts.next(), workDir.resolve("mongo.log"));
        kafkaBootstrapServers = broker.bootstrapServers();
        mongoConnectionString = mongo.connectionString();
    }

    private void startContainers() {
        TestcontainersSupport.run(() -> {
            // the same partition count as the local broker, so ordering assumptions are tested alike
            kafkaContainer = new KafkaContainer(KAFKA_IMAGE).withEnv("KAFKA_NUM_PARTITIONS", "3");
            mongoContainer = new MongoDBContainer(MONGO_IMAGE);
            kafkaContainer.start();
            mongoContainer.start();
        });
        kafkaBootstrapServers = kafkaContainer.getBootstrapServers();
        mongoConnectionString = mongoContainer.getConnectionString();
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the test infrastructure's directory " + dir, e);
        }
    }
}
