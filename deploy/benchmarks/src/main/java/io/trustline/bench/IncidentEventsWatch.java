package io.trustline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustline.incident.api.IncidentEventTypes;
import io.trustline.incident.api.IncidentTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code trustline.incident.v1} from its beginning as a consumer would, and notes the wall-clock moment
 * each {@code ResponseTargetsSet} and each acknowledgement {@code ResponseTargetMissed} was seen.
 */
final class IncidentEventsWatch implements AutoCloseable {

    /** One {@code ResponseTargetMissed} for the acknowledgement, as seen. */
    record Missed(String issueId, Instant dueAt, Instant seenAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Instant> targetsSetSeen = new ConcurrentHashMap<>();
    private final Queue<Missed> acknowledgementsMissed = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    IncidentEventsWatch(String bootstrap) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-deadlines-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(IncidentTopics.EVENTS));
        thread = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                        note(record, Instant.now());
                    }
                }
            }
        }, "bench-incident-events");
        thread.start();
    }

    /** Issue id → when its {@code ResponseTargetsSet} was first seen. */
    Map<String, Instant> targetsSetSeen() {
        return targetsSetSeen;
    }

    /** Every acknowledgement {@code ResponseTargetMissed} seen, duplicates included, in the order seen. */
    List<Missed> acknowledgementsMissed() {
        return List.copyOf(acknowledgementsMissed);
    }

    int acknowledgementsMissedCount() {
        return acknowledgementsMissed.size();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }

    private void note(ConsumerRecord<String, byte[]> record, Instant seenAt) {
        String type = header(record, "ce_type");
        if (IncidentEventTypes.RESPONSE_TARGETS_SET.equals(type)) {
            targetsSetSeen.putIfAbsent(data(record).get("issueId").asText(), seenAt);
        } else if (IncidentEventTypes.RESPONSE_TARGET_MISSED.equals(type)) {
            JsonNode data = data(record);
            if ("ACKNOWLEDGE".equals(data.get("phase").asText())) {
                acknowledgementsMissed.add(new Missed(data.get("issueId").asText(),
                        Instant.parse(data.get("occurredAt").asText()), seenAt));
            }
        }
    }

    private static JsonNode data(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON on " + record.topic() + " at " + record.offset(), e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
