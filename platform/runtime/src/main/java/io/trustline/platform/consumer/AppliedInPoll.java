package io.trustline.platform.consumer;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Which events of one partition's poll a subscriber had applied already, read from the {@link AppliedEventLog} in
 * one lookup for the whole poll instead of one per event. The ids come from the records' {@value #ID_HEADER} headers
 * (CloudEvents in binary mode, as the relays publish them); an event without one is looked up on its own.
 */
final class AppliedInPoll {

    static final String ID_HEADER = "ce_id";

    private final String subscriber;
    private final AppliedEventLog log;
    private final Set<String> lookedUp;
    private final Set<String> applied;

    private AppliedInPoll(String subscriber, AppliedEventLog log, Set<String> lookedUp) {
        this.subscriber = subscriber;
        this.log = log;
        this.lookedUp = lookedUp;
        this.applied = new HashSet<>(log.appliedAmong(subscriber, lookedUp));
    }

    static AppliedInPoll of(String subscriber, AppliedEventLog log, List<ConsumerRecord<String, byte[]>> records) {
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Header id = record.headers().lastHeader(ID_HEADER);
            if (id != null && id.value() != null) {
                ids.add(new String(id.value(), StandardCharsets.UTF_8));
            }
        }
        return new AppliedInPoll(subscriber, log, ids);
    }

    boolean contains(String eventId) {
        return lookedUp.contains(eventId) ? applied.contains(eventId) : log.contains(subscriber, eventId);
    }

    /** Records the event as applied, so a second copy later in the same poll (a relay's redelivery) is skipped. */
    void record(String eventId, String eventType) {
        log.record(subscriber, eventId, eventType);
        applied.add(eventId);
    }
}
