package io.trustline.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/** The floor the platform is compared with: the same broker and Mongo server, used directly. */
final class RawInfrastructure {

    private RawInfrastructure() {
    }

    /** Records/s of an idempotent, acks=all producer (the relay's settings), 500-byte values. */
    static double kafkaProduceRate(String bootstrap, String topic, int records) throws Exception {
        byte[] value = new byte[500];
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            long start = System.nanoTime();
            List<Future<RecordMetadata>> sends = new ArrayList<>(records);
            for (int i = 0; i < records; i++) {
                sends.add(producer.send(new ProducerRecord<>(topic, "tenant:client-" + (i % 100), value)));
            }
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
            return records / seconds(start);
        }
    }

    /** Records/s reading the topic from the beginning. */
    static double kafkaConsumeRate(String bootstrap, String topic, int records) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            int read = 0;
            long start = System.nanoTime();
            while (read < records) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            return records / seconds(start);
        }
    }

    /** Documents/s of single-document inserts, one round trip each, like an event-store append. */
    static double mongoInsertRate(String connectionString, int documents) {
        try (MongoClient mongo = MongoClients.create(connectionString)) {
            MongoCollection<Document> collection = mongo.getDatabase("bench").getCollection("raw_inserts");
            String payload = "x".repeat(500);
            long start = System.nanoTime();
            for (int i = 0; i < documents; i++) {
                collection.insertOne(new Document("_id", UUID.randomUUID().toString()).append("payload", payload));
            }
            return documents / seconds(start);
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
