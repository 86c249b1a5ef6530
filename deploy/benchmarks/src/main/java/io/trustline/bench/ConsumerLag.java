package io.trustline.bench;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records the platform's consumer groups ({@code trustline-…}) have still to consume, from the broker's
 * committed offsets and log ends. The services commit a record's offset only after handling it, so zero means every
 * consumer has done its work; an event store that stopped appending does not say that (scoring appends nothing).
 */
final class ConsumerLag implements AutoCloseable {

    private final Admin admin;

    ConsumerLag(String bootstrap) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    long records() throws InterruptedException {
        try {
            long lag = 0;
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                if (!group.groupId().startsWith("trustline-")) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet().stream()
                        .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()))).all().get();
                for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                    if (entry.getValue() != null) {
                        lag += ends.get(entry.getKey()).offset() - entry.getValue().offset();
                    }
                }
            }
            return lag;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the consumer groups' lag", e.getCause());
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
