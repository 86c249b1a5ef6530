package io.trustline.notification.ops;

import io.trustline.platform.kafka.KafkaClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asks Kafka's AdminClient where every Trustline consumer group stands: its state and members, and per partition its
 * committed offset and the end of the log. Each question is bounded by {@code kafka-timeout}; an unanswered one is a
 * {@link KafkaUnavailable}, never a hang.
 */
@ApplicationScoped
public class ConsumerGroupPositions {

    private final Admin admin;
    private final Duration timeout;

    @Inject
    ConsumerGroupPositions(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                           @ConfigProperty(name = "trustline.service.name") String serviceName, OpsLagSettings settings) {
        this(bootstrapServers, KafkaClients.CONSUMER_GROUP_PREFIX + serviceName + "-ops-lag", settings.kafkaTimeout());
    }

    ConsumerGroupPositions(String bootstrapServers, String clientId, Duration timeout) {
        this.timeout = timeout;
        int timeoutMs = (int) timeout.toMillis();
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, clientId,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs));
    }

    /** Every Trustline consumer group, or only {@code onlyGroup}; ordered by group id, partitions by topic and number. */
    List<GroupPositions> read(Optional<String> onlyGroup) {
        List<String> groupIds = trustlineGroups(onlyGroup);
        if (groupIds.isEmpty()) {
            return List.of();
        }
        Map<String, ConsumerGroupDescription> descriptions = describe(groupIds);
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = committedOffsets(descriptions.keySet());

        Map<String, Set<TopicPartition>> consumed = new HashMap<>();
        Set<TopicPartition> notCommitted = new HashSet<>();
        for (String groupId : descriptions.keySet()) {
            Set<TopicPartition> partitions = new HashSet<>(committed.getOrDefault(groupId, Map.of()).keySet());
            for (MemberDescription member : descriptions.get(groupId).members()) {
                for (TopicPartition assigned : member.assignment().topicPartitions()) {
                    if (partitions.add(assigned)) {
                        notCommitted.add(assigned);
                    }
                }
            }
            consumed.put(groupId, partitions);
        }
        Set<TopicPartition> all = new HashSet<>();
        consumed.values().forEach(all::addAll);
        Map<TopicPartition, Long> ends = offsets(all, OffsetSpec.latest());
        Map<TopicPartition, Long> starts = offsets(notCommitted, OffsetSpec.earliest());

        List<GroupPositions> groups = new ArrayList<>();
        for (String groupId : descriptions.keySet()) {
            ConsumerGroupDescription description = descriptions.get(groupId);
            Map<TopicPartition, OffsetAndMetadata> offsets = committed.getOrDefault(groupId, Map.of());
            List<GroupPositions.PartitionPosition> partitions = consumed.get(groupId).stream()
                    .filter(ends::containsKey)
                    .sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                    .map(partition -> position(partition, offsets.get(partition), starts, ends))
                    .flatMap(Optional::stream)
                    .toList();
            groups.add(new GroupPositions(groupId, description.groupState().name(), description.members().size(),
                    partitions));
        }
        return groups;
    }

    private static Optional<GroupPositions.PartitionPosition> position(TopicPartition partition, OffsetAndMetadata committed,
                                                                      Map<TopicPartition, Long> starts,
                                                                      Map<TopicPartition, Long> ends) {
        long end = ends.get(partition);
        if (committed != null) {
            return Optional.of(new GroupPositions.PartitionPosition(partition, committed.offset(), committed.offset(), end));
        }
        return Optional.ofNullable(starts.get(partition))
                .map(start -> new GroupPositions.PartitionPosition(partition, null, start, end));
    }

    private List<String> trustlineGroups(Optional<String> onlyGroup) {
        Collection<GroupListing> listed = await(admin.listGroups(ListGroupsOptions.forConsumerGroups()
                .timeoutMs(timeoutMs())).all(), "which consumer groups exist");
        return listed.stream()
                .map(GroupListing::groupId)
                .filter(id -> id.startsWith(KafkaClients.CONSUMER_GROUP_PREFIX))
                .filter(id -> onlyGroup.map(id::equals).orElse(true))
                .sorted()
                .toList();
    }

    private Map<String, ConsumerGroupDescription> describe(List<String> groupIds) {
        Map<String, KafkaFuture<ConsumerGroupDescription>> futures = admin.describeConsumerGroups(groupIds,
                new DescribeConsumerGroupsOptions().timeoutMs(timeoutMs())).describedGroups();
        Map<String, ConsumerGroupDescription> descriptions = new TreeMap<>();
        for (String groupId : groupIds) {
            // a group deleted between the listing and now is left out: nothing consumes for it any more
            awaitUnless(GroupIdNotFoundException.class, futures.get(groupId), "how consumer group " + groupId + " stands")
                    .ifPresent(description -> descriptions.put(groupId, description));
        }
        return descriptions;
    }

    private Map<String, Map<TopicPartition, OffsetAndMetadata>> committedOffsets(Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return Map.of();
        }
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        // a spec without partitions asks for every partition the group has committed
        groupIds.forEach(groupId -> specs.put(groupId, new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> offsets = await(admin.listConsumerGroupOffsets(specs,
                new ListConsumerGroupOffsetsOptions().timeoutMs(timeoutMs())).all(), "the consumer groups' offsets");
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        offsets.forEach((groupId, byPartition) -> {
            Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
            byPartition.forEach((partition, offset) -> {
                if (offset != null) {
                    present.put(partition, offset);
                }
            });
            committed.put(groupId, present);
        });
        return committed;
    }

    /** Read-committed offsets, as Trustline's consumers read; a partition whose topic was deleted is left out. */
    private Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        ListOffsetsResult result = admin.listOffsets(request,
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED).timeoutMs(timeoutMs()));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            // a group may keep offsets of a topic deleted since; there is nothing left to lag behind
            awaitUnless(UnknownTopicOrPartitionException.class, result.partitionResult(partition), "where " + partition + " ends")
                    .ifPresent(found -> offsets.put(partition, found.offset()));
        }
        return offsets;
    }

    private <T> T await(KafkaFuture<T> future, String question) {
        return awaitUnless(null, future, question).orElseThrow();
    }

    /** The answer, or empty when Kafka answered with an error of type {@code absent} (or null for none). */
    private <T> Optional<T> awaitUnless(Class<? extends Exception> absent, KafkaFuture<T> future, String question) {
        try {
            // the call's own timeout answers first; this bound only guards against a future that never completes
            return Optional.of(future.get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KafkaUnavailable.noAnswer(question, timeout, e);
        } catch (TimeoutException e) {
            throw KafkaUnavailable.noAnswer(question, timeout, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (absent != null && absent.isInstance(cause)) {
                return Optional.empty();
            }
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw KafkaUnavailable.noAnswer(question, timeout, cause);
            }
            // no broker found, a lost connection, a coordinator moving, a refusal: none is the caller's fault
            throw KafkaUnavailable.failed(question, cause);
        }
    }

    private int timeoutMs() {
        return (int) timeout.toMillis();
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
