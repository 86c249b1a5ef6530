package io.trustline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.relationship.api.RelationshipTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * When each issue reached Kafka, and when the relationship service first published a score change it caused: the
 * client's timeline is stored before the change is published, so that instant is when the timeline showed the issue.
 */
final class ScoreWatch implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> issueOfEvent = new ConcurrentHashMap<>();
    private final Map<String, Long> publishedAtNanos = new ConcurrentHashMap<>();
    private final Map<String, Long> scoredAtNanos = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    ScoreWatch(String bootstrap) throws InterruptedException {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-scores-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(IntakeTopics.EVENTS, RelationshipTopics.EVENTS));
        CountDownLatch assigned = new CountDownLatch(1);
        thread = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                        note(record, System.nanoTime());
                    }
                    if (assigned.getCount() > 0 && !consumer.assignment().isEmpty()) {
                        // "latest" is looked up lazily: fix every partition's position before anything is sent
                        consumer.assignment().forEach(consumer::position);
                        assigned.countDown();
                    }
                }
            }
        }, "bench-score-watch");
        thread.start();
        assigned.await();
    }

    private void note(ConsumerRecord<String, byte[]> record, long seen) {
        JsonNode data = data(record);
        if (record.topic().equals(IntakeTopics.EVENTS)) {
            JsonNode issueId = data.get("issueId");
            if (issueId != null) {
                issueOfEvent.put(header(record, "ce_id"), issueId.asText());
                publishedAtNanos.putIfAbsent(issueId.asText(), seen);
            }
            return;
        }
        JsonNode cause = data.get("causeEventId");
        String issueId = cause == null ? null : issueOfEvent.get(cause.asText());
        if (issueId != null) {
            scoredAtNanos.putIfAbsent(issueId, seen);
        }
    }

    /** When the issue's first event was seen on intake's topic, or null. */
    Long publishedAt(String issueId) {
        return publishedAtNanos.get(issueId);
    }

    /** When a score change caused by one of the issue's intake events was seen, or null. */
    Long scoredAt(String issueId) {
        return scoredAtNanos.get(issueId);
    }

    private static JsonNode data(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
