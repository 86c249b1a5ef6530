package io.trustline.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfraProcessesTest {

    @TempDir
    Path dir;

    private final Path home = TrustlineHome.locate();

    @Test
    void theBrokerAndTheInMemoryStandIn_startInTheirOwnJvms_serveClients_andAreGoneAfterStop() throws Exception {
        int kafkaPort = FreePorts.next();
        int mongoPort = FreePorts.next();
        ManagedProcess kafkaProcess;
        ManagedProcess mongoProcess;
        try (KafkaBroker kafka = KafkaBroker.start(home, kafkaPort, FreePorts.next(), dir.resolve("kafka"), dir.resolve("kafka.log"));
             MongoStandIn mongo = MongoStandIn.startInMemory(home, mongoPort, dir.resolve("mongo.log"))) {
            kafkaProcess = kafka.process();
            mongoProcess = mongo.process();
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + kafkaPort);
            assertThat(mongo.connectionString()).isEqualTo("mongodb://127.0.0.1:" + mongoPort);
            assertThat(Files.readAllLines(dir.resolve("kafka.log"))).contains("TRUSTLINE-READY kafka 127.0.0.1:" + kafkaPort);
            assertThat(Files.readAllLines(dir.resolve("mongo.log"))).contains("TRUSTLINE-READY mongo 127.0.0.1:" + mongoPort);
            assertThat(List.of(kafkaProcess.pid(), mongoProcess.pid())).doesNotContain(ProcessHandle.current().pid());

            produce(kafka.bootstrapServers(), "round-trip", "hello");
            assertThat(consumeFromBeginning(kafka.bootstrapServers(), "round-trip", 1)).containsExactly("hello");
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                MongoCollection<Document> issues = client.getDatabase("test").getCollection("issues");
                issues.insertOne(new Document("_id", "i-1").append("summary", "payroll server down"));
                assertThat(issues.find(new Document("_id", "i-1")).first()).containsEntry("summary", "payroll server down");
            }
        }
        assertThat(kafkaProcess.isAlive()).isFalse();
        assertThat(mongoProcess.isAlive()).isFalse();
        assertThat(ProcessHandle.of(kafkaProcess.pid())).isEmpty();
        assertThat(ProcessHandle.of(mongoProcess.pid())).isEmpty();
        assertThat(accepts(kafkaPort)).as("broker port closed").isFalse();
        assertThat(accepts(mongoPort)).as("Mongo port closed").isFalse();
    }

    @Test
    void aBrokerStartedAgainOnItsDataDir_keepsItsTopicsAndRecords() {
        Path dataDir = dir.resolve("kafka");
        try (KafkaBroker first = KafkaBroker.start(FreePorts.next(), FreePorts.next(), dataDir)) {
            produce(first.bootstrapServers(), "kept", "before the restart");
        }
        try (KafkaBroker again = KafkaBroker.start(FreePorts.next(), FreePorts.next(), dataDir)) {
            assertThat(consumeFromBeginning(again.bootstrapServers(), "kept", 1)).containsExactly("before the restart");
        }
        assertThat(dataDir.resolve("broker.log")).content().containsOnlyOnce("Formatting");
    }

    @Test
    void aSecondBrokerOnATakenPort_failsWithItsLog_insteadOfPassingTheFirstOffAsItself() {
        int port = FreePorts.next();
        try (KafkaBroker first = KafkaBroker.start(port, FreePorts.next(), dir.resolve("first"))) {
            assertThatThrownBy(() -> KafkaBroker.start(port, FreePorts.next(), dir.resolve("second")))
                    .hasMessageContaining("kafka exited with 1")
                    .hasMessageContaining("Address already in use");
            assertThat(first.process().isAlive()).isTrue();
        }
    }

    @Test
    void aStandInOnATakenPort_failsAtOnceWithItsLog() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> MongoStandIn.startInMemory(home, taken.getLocalPort(), dir.resolve("mongo.log")))
                    .hasMessageContaining("mongo exited with 1")
                    .hasMessageContaining("Address already in use");
        }
    }

    @Test
    void theH2StandIn_keepsWritesAcknowledgedJustBeforeAGracefulStop() {
        Path h2File = dir.resolve("mongo/trustline.mv");
        try (MongoStandIn mongo = MongoStandIn.startOnH2(FreePorts.next(), h2File);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("test").getCollection("events").insertMany(IntStream.range(0, 500)
                    .mapToObj(i -> new Document("_id", i)).toList());
            // stopped at once: H2 would lose these on a kill, the graceful stop must commit them
        }
        try (MongoStandIn mongo = MongoStandIn.startOnH2(FreePorts.next(), h2File);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(client.getDatabase("test").getCollection("events").countDocuments()).isEqualTo(500);
        }
    }

    @Test
    void anInfraProcess_endsWhenTheJvmThatStartedItIsKilled() throws IOException {
        int mongoPort = FreePorts.next();
        ManagedProcess parent = ManagedProcess.mainClass("parent", List.of("-D" + TrustlineHome.PROPERTY + "=" + home),
                System.getProperty("java.class.path"), StandInParent.class.getName(),
                List.of(Integer.toString(mongoPort), dir.resolve("child.log").toString()), Map.of(), dir.resolve("parent.log"));
        try {
            parent.start().awaitLogLine(StandInParent.CHILD_LINE, Duration.ofSeconds(60));
            long child = childPid(parent.log());
            assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive)).contains(true);

            parent.kill();

            await().atMost(Duration.ofSeconds(20)).until(() -> ProcessHandle.of(child).isEmpty());
            assertThat(accepts(mongoPort)).isFalse();
            assertThat(dir.resolve("child.log")).content().contains("the parent process is gone");
        } finally {
            parent.kill();
        }
    }

    @Test
    void aMissingInfraBuild_isReportedWithTheCommandThatFixesIt() {
        Path emptyHome = dir.resolve("not-built");
        assertThatThrownBy(() -> KafkaBroker.start(emptyHome, 1, 2, dir, dir.resolve("k.log")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("run ./mvnw package first");
    }

    private static long childPid(Path parentLog) throws IOException {
        Matcher matcher = StandInParent.CHILD_LINE.matcher(Files.readString(parentLog));
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static void produce(String bootstrap, String topic, String value) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot produce to " + topic, e);
        }
    }

    private static List<String> consumeFromBeginning(String bootstrap, String topic, int count) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return values.size() >= count;
            });
        }
        return values;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** A stand-in for a test JVM: starts the Mongo stand-in as the test kit does, then waits to be killed. */
    public static final class StandInParent {

        static final Pattern CHILD_LINE = Pattern.compile("CHILD-PID (\\d+)");

        public static void main(String[] args) throws InterruptedException {
            MongoStandIn mongo = MongoStandIn.startInMemory(TrustlineHome.locate(), Integer.parseInt(args[0]), Path.of(args[1]));
            System.out.println("CHILD-PID " + mongo.process().pid());
            System.out.flush();
            Thread.currentThread().join();
        }
    }
}
