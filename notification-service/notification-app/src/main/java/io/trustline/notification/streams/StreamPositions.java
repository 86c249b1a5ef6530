package io.trustline.notification.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * A stream's place in every partition of the {@link StreamTopics}: its consumer is assigned all of them (no group,
 * nothing committed) and seeks them itself, from a {@link ResumeToken} or from the end. Each record read moves the
 * position past it, whether it was sent or not, so the token after an event covers exactly what was read until then.
 */
final class StreamPositions {

    private static final Logger LOG = Logger.getLogger(StreamPositions.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Duration refreshInterval;
    private final Map<TopicPartition, Long> next = new HashMap<>();
    private long lastRefreshNanos = System.nanoTime();

    StreamPositions(KafkaConsumer<String, byte[]> consumer, Duration refreshInterval) {
        this.consumer = consumer;
        this.refreshInterval = refreshInterval;
    }

    /**
     * Assigns every partition and seeks each: to the token's position; to the earliest record for a partition the
     * token does not know (it appeared later, so all of it is new); to the end without a token. A position no longer
     * in the log starts at the earliest record and is returned as a gap.
     */
    List<StreamGap> start(Optional<ResumeToken> from) {
        Set<TopicPartition> partitions = partitions();
        consumer.assign(partitions);
        Map<TopicPartition, Long> earliest = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<StreamGap> gaps = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            long first = earliest.get(partition);
            long last = end.get(partition);
            Long wanted = from.map(token -> token.positions().get(partition)).orElse(null);
            long position;
            if (from.isEmpty()) {
                position = last;
            } else if (wanted == null) {
                position = first;
            } else if (wanted < first || wanted > last) {
                // beyond the end only when the log was recreated or truncated: what the token saw is gone either way
                gaps.add(new StreamGap(partition.topic(), partition.partition(), wanted, first));
                position = first;
            } else {
                position = wanted;
            }
            seek(partition, position);
        }
        return gaps;
    }

    void passed(ConsumerRecord<?, ?> record) {
        next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
    }

    ResumeToken token() {
        return new ResumeToken(next);
    }

    /** Retention removed records while the stream was reading: goes on from the earliest, and says so. */
    List<StreamGap> recover(OffsetOutOfRangeException outOfRange) {
        Set<TopicPartition> partitions = outOfRange.partitions();
        Map<TopicPartition, Long> earliest = consumer.beginningOffsets(partitions);
        List<StreamGap> gaps = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            long first = earliest.get(partition);
            gaps.add(new StreamGap(partition.topic(), partition.partition(), next.getOrDefault(partition, -1L), first));
            seek(partition, first);
        }
        return gaps;
    }

    /** Every {@code refreshInterval}: a partition or topic that appeared since is read from its earliest record. */
    void refreshIfDue() {
        if (System.nanoTime() - lastRefreshNanos < refreshInterval.toNanos()) {
            return;
        }
        lastRefreshNanos = System.nanoTime();
        Set<TopicPartition> added = new HashSet<>();
        Map<TopicPartition, Long> earliest;
        try {
            added.addAll(partitions());
            added.removeAll(next.keySet());
            if (added.isEmpty()) {
                return;
            }
            earliest = consumer.beginningOffsets(added);
        } catch (KafkaException unavailable) {
            LOG.debugf("live stream could not look for new partitions, tries again later: %s", unavailable.getMessage());
            return;
        }
        Set<TopicPartition> all = new HashSet<>(next.keySet());
        all.addAll(added);
        consumer.assign(all);
        Map.copyOf(next).forEach(consumer::seek);
        added.forEach(partition -> seek(partition, earliest.get(partition)));
    }

    private void seek(TopicPartition partition, long offset) {
        consumer.seek(partition, offset);
        next.put(partition, offset);
    }

    // a topic that does not exist yet has no partitions: a later refresh finds it
    private Set<TopicPartition> partitions() {
        Set<TopicPartition> partitions = new HashSet<>();
        for (String topic : StreamTopics.ALL) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        return partitions;
    }
}
