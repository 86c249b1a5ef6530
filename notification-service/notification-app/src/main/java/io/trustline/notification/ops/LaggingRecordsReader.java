package io.trustline.notification.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the records of given offset ranges with a short-lived consumer of its own: assigned partitions, no group
 * (nothing is committed, no member joins anyone's group), read-committed as Trustline's consumers read. Stops at the
 * record limit or the time limit, whichever comes first, and says which.
 */
final class LaggingRecordsReader {

    private static final Duration POLL = Duration.ofMillis(200);

    /** One partition's range: from the first unapplied record up to, not including, {@code end}. */
    record Range(long from, long end) {
    }

    /** Receives each record read, in offset order per partition. */
    interface Sink {
        void accept(ConsumerRecord<byte[], byte[]> record);
    }

    /**
     * @param finished   the partitions read to the end of their range
     * @param truncation null when every range was read to its end
     */
    record Outcome(int recordsRead, Set<TopicPartition> finished, OpsLag.Truncation truncation) {
    }

    private final String bootstrapServers;
    private final String clientId;
    private final Duration kafkaTimeout;
    private final Clock clock;

    LaggingRecordsReader(String bootstrapServers, String clientId, Duration kafkaTimeout, Clock clock) {
        this.bootstrapServers = bootstrapServers;
        this.clientId = clientId;
        this.kafkaTimeout = kafkaTimeout;
        this.clock = clock;
    }

    Outcome read(Map<TopicPartition, Range> ranges, int recordLimit, Duration timeLimit, Sink sink) {
        Set<TopicPartition> open = new HashSet<>();
        ranges.forEach((partition, range) -> {
            if (range.from() < range.end()) {
                open.add(partition);
            }
        });
        Set<TopicPartition> finished = new HashSet<>(ranges.keySet());
        finished.removeAll(open);
        if (open.isEmpty()) {
            return new Outcome(0, finished, null);
        }
        Instant deadline = clock.instant().plus(timeLimit);
        int read = 0;
        KafkaConsumer<byte[], byte[]> consumer = newConsumer(Math.min(500, recordLimit));
        try {
            consumer.assign(open);
            open.forEach(partition -> consumer.seek(partition, ranges.get(partition).from()));
            while (!open.isEmpty()) {
                if (read == recordLimit) {
                    return new Outcome(read, finished, OpsLag.Truncation.SAMPLE_LIMIT);
                }
                Duration left = Duration.between(clock.instant(), deadline);
                if (left.isNegative() || left.isZero()) {
                    return new Outcome(read, finished, OpsLag.Truncation.TIME_LIMIT);
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(left.compareTo(POLL) < 0 ? left : POLL);
                for (TopicPartition partition : records.partitions()) {
                    List<ConsumerRecord<byte[], byte[]>> batch = records.records(partition);
                    long end = ranges.get(partition).end();
                    for (ConsumerRecord<byte[], byte[]> record : batch) {
                        if (!open.contains(partition) || record.offset() >= end) {
                            break;
                        }
                        if (read == recordLimit) {
                            return new Outcome(read, finished, OpsLag.Truncation.SAMPLE_LIMIT);
                        }
                        read++;
                        sink.accept(record);
                        if (record.offset() == end - 1) {
                            close(consumer, partition, open, finished);
                        }
                    }
                }
                // transaction markers and compacted records take offsets without being returned
                for (TopicPartition partition : Set.copyOf(open)) {
                    if (consumer.position(partition, kafkaTimeout) >= ranges.get(partition).end()) {
                        close(consumer, partition, open, finished);
                    }
                }
            }
            return new Outcome(read, finished, null);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw KafkaUnavailable.noAnswer("with the lagging records", kafkaTimeout, e);
        } catch (KafkaException e) {
            throw KafkaUnavailable.failed("the lagging records", e);
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    private static void close(KafkaConsumer<?, ?> consumer, TopicPartition partition, Set<TopicPartition> open,
                              Set<TopicPartition> finished) {
        open.remove(partition);
        finished.add(partition);
        consumer.pause(Set.of(partition));
    }

    private KafkaConsumer<byte[], byte[]> newConsumer(int maxPollRecords) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a committed offset older than the log's start: read from what is left
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) kafkaTimeout.toMillis());
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) kafkaTimeout.toMillis());
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
