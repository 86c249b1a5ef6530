package io.trustline.notification.ops;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.trustline.platform.kafka.KafkaClients;
import io.trustline.platform.problem.UnknownResourceException;
import io.trustline.platform.relay.CloudEventRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /ops/lag}: where the consumer groups stand ({@link ConsumerGroupPositions}), then one pass over their
 * lagging records ({@link LaggingRecordsReader}) counting the caller's events per group. A partition several groups
 * lag on is read once, from the earliest of their positions; each record counts for every group it lies ahead of.
 */
@ApplicationScoped
public class ConsumerLagView {

    private final ConsumerGroupPositions positions;
    private final LaggingRecordsReader reader;
    private final OpsLagSettings settings;
    private final Clock clock;

    @Inject
    ConsumerLagView(ConsumerGroupPositions positions, OpsLagSettings settings,
                    @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                    @ConfigProperty(name = "trustline.service.name") String serviceName) {
        this(positions, new LaggingRecordsReader(bootstrapServers,
                KafkaClients.CONSUMER_GROUP_PREFIX + serviceName + "-ops-lag-reader", settings.kafkaTimeout(),
                Clock.systemUTC()), settings, Clock.systemUTC());
    }

    ConsumerLagView(ConsumerGroupPositions positions, LaggingRecordsReader reader, OpsLagSettings settings, Clock clock) {
        this.positions = positions;
        this.reader = reader;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Every Trustline group, or only {@code onlyGroup} (404 when Kafka knows no such group), with the unapplied events
     * of {@code tenantId}.
     */
    public OpsLag measure(String tenantId, Optional<String> onlyGroup) {
        Instant measuredAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<GroupPositions> groups = positions.read(onlyGroup);
        if (onlyGroup.isPresent() && groups.isEmpty()) {
            throw new UnknownResourceException("consumer group", onlyGroup.get());
        }
        Map<String, UnappliedEventsTally> tallies = new HashMap<>();
        Map<TopicPartition, LaggingRecordsReader.Range> ranges = new HashMap<>();
        Map<TopicPartition, List<Lagging>> laggingOn = new HashMap<>();
        for (GroupPositions group : groups) {
            UnappliedEventsTally tally = new UnappliedEventsTally();
            tallies.put(group.groupId(), tally);
            for (GroupPositions.PartitionPosition position : group.partitions()) {
                if (position.lag() > 0) {
                    ranges.merge(position.partition(), new LaggingRecordsReader.Range(position.start(), position.end()),
                            (one, other) -> new LaggingRecordsReader.Range(Math.min(one.from(), other.from()),
                                    Math.max(one.end(), other.end())));
                    laggingOn.computeIfAbsent(position.partition(), partition -> new ArrayList<>())
                            .add(new Lagging(position, tally));
                }
            }
        }
        CloudEventDeserializer decoder = new CloudEventDeserializer();
        LaggingRecordsReader.Outcome outcome = reader.read(ranges, settings.sampleLimit(), settings.readTimeLimit(),
                record -> tenantEvent(decoder, record, tenantId).ifPresent(event -> {
                    for (Lagging lagging : laggingOn.get(new TopicPartition(record.topic(), record.partition()))) {
                        if (record.offset() >= lagging.position().start() && record.offset() < lagging.position().end()) {
                            lagging.tally().add(event.getType(), event.getSubject(),
                                    event.getTime() == null ? null : event.getTime().toInstant());
                        }
                    }
                }));

        List<OpsLag.GroupLag> answer = new ArrayList<>();
        for (GroupPositions group : groups) {
            List<OpsLag.PartitionLag> partitions = group.partitions().stream()
                    .map(position -> new OpsLag.PartitionLag(position.partition().topic(),
                            position.partition().partition(), position.committed(), position.end(), position.lag()))
                    .toList();
            boolean complete = group.partitions().stream()
                    .allMatch(position -> position.lag() == 0 || outcome.finished().contains(position.partition()));
            answer.add(new OpsLag.GroupLag(group.groupId(), serviceOf(group.groupId()), group.state(), group.members(),
                    partitions.stream().mapToLong(OpsLag.PartitionLag::lag).sum(), partitions,
                    tallies.get(group.groupId()).result(complete, settings.clientLimit(), measuredAt)));
        }
        OpsLag.Sample sample = new OpsLag.Sample(settings.sampleLimit(), outcome.recordsRead(),
                outcome.truncation() != null, outcome.truncation());
        return new OpsLag(measuredAt, sample, answer);
    }

    /** A group's lagging range on one partition, and where its events are counted. */
    private record Lagging(GroupPositions.PartitionPosition position, UnappliedEventsTally tally) {
    }

    /** The record's CloudEvent when it is one and belongs to the tenant; the tenant only from {@code tenantid}. */
    private static Optional<CloudEvent> tenantEvent(CloudEventDeserializer decoder, ConsumerRecord<byte[], byte[]> record,
                                                    String tenantId) {
        CloudEvent event;
        try {
            event = decoder.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException notACloudEvent) {
            // its consumer dead-letters it; no tenant can be told it is theirs
            return Optional.empty();
        }
        return Objects.equals(event.getExtension(CloudEventRecords.TENANT_EXTENSION), tenantId)
                ? Optional.of(event) : Optional.empty();
    }

    /** {@code trustline-<service>-<subscriber>}: service names hold no dash. */
    private static String serviceOf(String groupId) {
        String rest = groupId.substring(KafkaClients.CONSUMER_GROUP_PREFIX.length());
        int dash = rest.indexOf('-');
        return dash < 0 ? rest : rest.substring(0, dash);
    }
}
