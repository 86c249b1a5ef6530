package io.trustline.platform.kafka;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Plain Apache Kafka clients for the service. One idempotent producer (acks=all) is shared by the
 * outbox relay and the dead-letter path; each subscriber gets its own consumer with manual commits.
 */
@ApplicationScoped
public class KafkaClients {

    /** How every Trustline consumer group's id begins: {@code trustline-<service>-<subscriber>}. */
    public static final String CONSUMER_GROUP_PREFIX = "trustline-";

    private final String bootstrapServers;
    private final String serviceName;
    private final KafkaProducer<String, byte[]> producer;
    /**
     * How long the group waits for a silent consumer before handing its partitions to the others (Kafka's default,
     * 45 s, when unset); tests that kill an instance set it short. The broker's floor is 6 s.
     */
    @ConfigProperty(name = "trustline.kafka.session-timeout")
    Optional<Duration> sessionTimeout;

    @Inject
    public KafkaClients(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                 @ConfigProperty(name = "trustline.service.name") String serviceName,
                 @ConfigProperty(name = "trustline.kafka.linger-ms", defaultValue = "5") int lingerMs) {
        this.bootstrapServers = bootstrapServers;
        this.serviceName = serviceName;
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "trustline-" + serviceName + "-producer");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        // a send that cannot complete in this time fails the relay batch, which is then retried from its token
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    public KafkaProducer<String, byte[]> producer() {
        return producer;
    }

    public KafkaConsumer<String, byte[]> newConsumer(String subscriberName, int maxPollRecords) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, consumerGroup(subscriberName));
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, consumerGroup(subscriberName) + "-consumer");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        if (sessionTimeout != null && sessionTimeout.isPresent()) {
            long sessionMs = sessionTimeout.get().toMillis();
            config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionMs);
            config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.min(3_000, sessionMs / 3));
        }
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * A consumer in no group, for a reader that assigns partitions and seeks them itself: nothing is committed, so any
     * number of them read the same partitions independently. It never jumps on its own ({@code auto.offset.reset=none}):
     * a position that is no longer in the log raises {@code OffsetOutOfRangeException} for the reader to decide, and
     * it creates no topic by asking for it.
     */
    public KafkaConsumer<String, byte[]> newUngroupedConsumer(String readerName, int maxPollRecords, int maxFetchBytes) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "trustline-" + serviceName + "-" + readerName);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, maxFetchBytes);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    public String consumerGroup(String subscriberName) {
        return CONSUMER_GROUP_PREFIX + serviceName + "-" + subscriberName;
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
