package io.trustline.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trustline.infra.launcher.FreePorts;
import io.trustline.infra.launcher.KafkaBroker;
import io.trustline.infra.launcher.MongoStandIn;
import io.trustline.platform.json.TrustlineJson;
import io.trustline.platform.kafka.KafkaClients;
import io.trustline.platform.metrics.PipelineMetrics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The subscriber loop on a real broker, with the MongoDB its handler writes to taken away while events
 * flow. The handler fails with the driver's own timeout: the loop must wait the outage out — readiness
 * says so — and dead-letter nothing; once MongoDB is back every event is applied exactly once.
 */
class SubscriberLoopOutageTest {

    private static final String DATABASE = "subscriber-loop-test";

    @TempDir
    static Path work;
    private static KafkaBroker broker;
    private static MongoStandIn platformMongo;
    private static MongoClient platformClient;
    private static KafkaClients kafka;

    private final String topic = "outage-test-" + UUID.randomUUID();
    private final int handlerMongoPort = FreePorts.next();
    private MongoStandIn handlerMongo;
    private MongoClient handlerClient;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PipelineMetrics metrics = new PipelineMetrics(meters);
    private SubscriberLoop loop;
    private Thread loopThread;

    @BeforeAll
    static void startInfrastructure() throws Exception {
        Path home = io.trustline.infra.launcher.TrustlineHome.locate();
        broker = KafkaBroker.start(home, FreePorts.next(), FreePorts.next(), work.resolve("kafka"), work.resolve("kafka.log"));
        platformMongo = MongoStandIn.startInMemory(home, FreePorts.next(), Files.createTempFile(work, "mongo", ".log"));
        platformClient = MongoClients.create(platformMongo.connectionString());
        kafka = new KafkaClients(broker.bootstrapServers(), "outage-test", 5);
    }

    @AfterAll
    static void stopInfrastructure() {
        if (kafka != null) {
            kafka.producer().close();
        }
        if (platformClient != null) {
            platformClient.close();
        }
        if (platformMongo != null) {
            platformMongo.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void stopLoop() throws InterruptedException {
        if (loop != null) {
            loop.stop();
            loopThread.join(10_000);
        }
        if (handlerClient != null) {
            handlerClient.close();
        }
        if (handlerMongo != null) {
            handlerMongo.close();
        }
    }

    @Test
    void mongoGoneUnderTheHandler_pausesUntilItIsBack_deadLettersNothing_andAppliesEveryEventOnce() throws Exception {
        handlerMongo = startHandlerMongo();
        handlerClient = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(handlerMongo.connectionString()))
                // fail fast, so the outage is met by many attempts rather than one long wait
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(300, TimeUnit.MILLISECONDS))
                .build());
        MongoCollection<Document> applied = handlerClient.getDatabase("handler").getCollection("applied");
        startLoop(new CountingSubscriber(topic, applied));

        List<String> before = publish(5);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied.countDocuments() == 5);

        handlerMongo.close();
        List<String> duringOutage = publish(10);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> loop.status().state() == SubscriberStatus.State.WAITING_FOR_INFRASTRUCTURE);
        // more than the dead-letter threshold of attempts fail while it is away
        await().atMost(Duration.ofSeconds(30)).until(() -> loop.status().failures() > settings().maxAttempts());
        assertThat(loop.status().toString()).startsWith("waiting for infrastructure since");

        // back on the same port, empty: an in-memory stand-in keeps nothing, which only the first five notice
        handlerMongo = startHandlerMongo();
        List<String> after = publish(5);

        List<String> expected = new ArrayList<>(duringOutage);
        expected.addAll(after);
        // the test's own client may need a moment to find the restarted server, as the handler's does
        await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(MongoTimeoutException.class)
                .untilAsserted(() -> assertThat(appliedIds(applied)).containsAll(expected));
        await().atMost(Duration.ofSeconds(10)).until(() -> loop.status().state() == SubscriberStatus.State.CONSUMING);
        assertThat(applied.find(Filters.gt("times", 1)).into(new ArrayList<>())).as("events applied more than once")
                .isEmpty();
        assertThat(appliedIds(applied)).doesNotContainAnyElementsOf(before);
        assertThat(recordsOn(topic + DeadLetters.SUFFIX)).as("dead letters").isZero();
        // the meters agree: twenty records applied once each, none dead-lettered, none left to read
        assertThat(meters.get(PipelineMetrics.EVENTS_CONSUMED).tag("outcome", "applied").counter().count()).isEqualTo(20);
        assertThat(meters.find(PipelineMetrics.EVENTS_CONSUMED).tag("outcome", "dead_lettered").counter()).isNull();
        assertThat(meters.find(PipelineMetrics.EVENTS_DEAD_LETTERED).counter()).isNull();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                meters.get(PipelineMetrics.CONSUMER_LAG).tags("subscriber", "counting-" + topic, "topic", topic)
                        .gauge().value()).isZero());
    }

    @Test
    void anEventPublishedAgain_inTheSamePollOrALaterOne_isAppliedOnce() throws Exception {
        // a relay that crashed before recording what it published sends those events again, with the same ids
        handlerMongo = startHandlerMongo();
        handlerClient = MongoClients.create(handlerMongo.connectionString());
        MongoCollection<Document> applied = handlerClient.getDatabase("handler").getCollection("applied");
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        // published before the loop starts, so its first poll holds them all
        publish(List.of(a, b, a, c, b));
        startLoop(new CountingSubscriber(topic, applied));
        await().atMost(Duration.ofSeconds(30)).until(() -> meters.find(PipelineMetrics.EVENTS_CONSUMED).counters().stream()
                .mapToDouble(counter -> counter.count()).sum() == 5);

        publish(List.of(a, c));
        await().atMost(Duration.ofSeconds(30)).until(() -> meters.get(PipelineMetrics.EVENTS_CONSUMED)
                .tag("outcome", "duplicate").counter().count() == 4);

        assertThat(appliedIds(applied)).containsExactlyInAnyOrder(a, b, c);
        assertThat(applied.find(Filters.gt("times", 1)).into(new ArrayList<>())).as("events applied more than once")
                .isEmpty();
        assertThat(meters.get(PipelineMetrics.EVENTS_CONSUMED).tag("outcome", "applied").counter().count()).isEqualTo(3);
    }

    private MongoStandIn startHandlerMongo() throws Exception {
        return MongoStandIn.startInMemory(io.trustline.infra.launcher.TrustlineHome.locate(), handlerMongoPort,
                Files.createTempFile(work, "handler-mongo", ".log"));
    }

    private void startLoop(CloudEventSubscriber subscriber) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "outage-test-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        loop = new SubscriberLoop(subscriber,
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()),
                new AppliedEventLog(platformClient, DATABASE), new DeadLetters(kafka, metrics), settings(),
                TrustlineJson.newObjectMapper(), Clock.systemUTC(), metrics);
        loopThread = new Thread(loop, "subscriber-loop-under-test");
        loopThread.start();
    }

    private List<String> publish(int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        return publish(ids);
    }

    private List<String> publish(List<String> ids) throws Exception {
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new CloudEventSerializer())) {
            for (String id : ids) {
                CloudEvent event = CloudEventBuilder.v1()
                        .withId(id)
                        .withSource(URI.create("/trustline/test"))
                        .withType("io.trustline.test.Happened.v1")
                        .withSubject("client-1")
                        .withTime(OffsetDateTime.now())
                        .withExtension("tenantid", "tenant-a")
                        .withData("application/json", "{}".getBytes(StandardCharsets.UTF_8))
                        .build();
                producer.send(new ProducerRecord<>(topic, "tenant-a:client-1", event)).get(30, TimeUnit.SECONDS);
            }
        }
        return ids;
    }

    private static List<String> appliedIds(MongoCollection<Document> applied) {
        return applied.find().map(document -> document.getString("_id")).into(new ArrayList<>());
    }

    private static long recordsOn(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            return consumer.endOffsets(partitions).entrySet().stream()
                    .mapToLong(end -> end.getValue() - beginning.get(end.getKey()))
                    .sum();
        }
    }

    private static SubscriberSettings settings() {
        return new FixedSubscriberSettings(3, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(100),
                Duration.ofMillis(500), 50);
    }

    /** Counts each application of an event in the handler's own MongoDB: a count above one is a duplicate. */
    private record CountingSubscriber(String topic, MongoCollection<Document> applied) implements CloudEventSubscriber {

        @Override
        public String name() {
            return "counting-" + topic;
        }

        @Override
        public Set<String> topics() {
            return Set.of(topic);
        }

        @Override
        public void handle(IncomingEvent event) {
            applied.updateOne(Filters.eq("_id", event.id()), Updates.inc("times", 1), new UpdateOptions().upsert(true));
        }
    }
}
