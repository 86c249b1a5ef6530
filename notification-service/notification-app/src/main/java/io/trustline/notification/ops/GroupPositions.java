package io.trustline.notification.ops;

import java.util.List;
import org.apache.kafka.common.TopicPartition;

/**
 * Where one consumer group stands, as Kafka's coordinator sees it.
 *
 * @param state      Kafka's group state, e.g. {@code STABLE}, {@code EMPTY} (no member: nothing consumes)
 * @param partitions every partition the group has an offset for or is assigned, by topic and number
 */
record GroupPositions(String groupId, String state, int members, List<PartitionPosition> partitions) {

    /**
     * @param committed the group's committed offset: the next record it will apply; null when it has none yet (it
     *                  then starts at {@code start}, the log's first record, as Trustline's consumers do)
     * @param start     the first unapplied record's offset
     * @param end       the offset the next record written will get (read-committed: the last stable offset)
     */
    record PartitionPosition(TopicPartition partition, Long committed, long start, long end) {

        long lag() {
            return Math.max(0, end - start);
        }
    }
}
