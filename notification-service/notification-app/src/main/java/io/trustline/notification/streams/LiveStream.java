package io.trustline.notification.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * One client's stream, run on its own thread with its own consumer: reads every partition of the Trustline topics
 * in order, sends the events its {@link StreamSelection} admits as SSE events ({@code event:} the CloudEvent type,
 * {@code data:} the structured CloudEvent, {@code id:} the {@link ResumeToken} after it), and a heartbeat comment
 * (with the same kind of id) when it sent nothing for a while.
 */
final class LiveStream {

    static final String GAP_EVENT = "stream-gap";
    private static final Logger LOG = Logger.getLogger(LiveStream.class);
    private static final EventFormat STRUCTURED = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
    private static final Duration MAX_POLL = Duration.ofMillis(200);

    private final KafkaConsumer<String, byte[]> consumer;
    private final StreamPositions positions;
    private final StreamSelection selection;
    private final SseConnection connection;
    private final Duration heartbeat;
    private final ObjectMapper json;
    private final CloudEventDeserializer cloudEvents = new CloudEventDeserializer();
    private volatile boolean stopping;

    LiveStream(KafkaConsumer<String, byte[]> consumer, StreamPositions positions, StreamSelection selection,
               SseConnection connection, Duration heartbeat, ObjectMapper json) {
        this.consumer = consumer;
        this.positions = positions;
        this.selection = selection;
        this.connection = connection;
        this.heartbeat = heartbeat;
        this.json = json;
    }

    String tenant() {
        return selection.tenant();
    }

    /** Before the thread starts, on the request's thread: the first bytes carry the response's headers. */
    void open(List<StreamGap> gaps) {
        connection.comment("live stream open", positions.token().encode());
        sendGaps(gaps);
    }

    /** Returns when the client is gone or the stream is stopped; throws {@link SseConnection.SlowReader}. */
    void run() {
        while (!stopping && connection.isOpen()) {
            ConsumerRecords<String, byte[]> records;
            try {
                records = consumer.poll(pollTimeout());
            } catch (OffsetOutOfRangeException gone) {
                sendGaps(positions.recover(gone));
                continue;
            } catch (WakeupException stopped) {
                break;
            }
            for (ConsumerRecord<String, byte[]> record : records) {
                positions.passed(record);
                CloudEvent event = cloudEventOf(record);
                if (event != null && selection.admits(event)) {
                    String body = structured(event);
                    if (body != null) {
                        connection.event(event.getType(), positions.token().encode(), body);
                    }
                }
            }
            if (connection.idle().compareTo(heartbeat) >= 0) {
                connection.comment("heartbeat", positions.token().encode());
            }
            positions.refreshIfDue();
        }
    }

    /** From another thread: the stream ends at its next step, and an ongoing poll returns at once. */
    void stop() {
        stopping = true;
        consumer.wakeup();
    }

    SseConnection connection() {
        return connection;
    }

    void close() {
        consumer.close(Duration.ofSeconds(1));
    }

    private void sendGaps(List<StreamGap> gaps) {
        for (StreamGap gap : gaps) {
            try {
                connection.event(GAP_EVENT, positions.token().encode(), json.writeValueAsString(gap));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write " + gap, e);
            }
        }
    }

    private Duration pollTimeout() {
        Duration untilHeartbeat = heartbeat.minus(connection.idle());
        if (untilHeartbeat.isNegative()) {
            return Duration.ZERO;
        }
        return untilHeartbeat.compareTo(MAX_POLL) < 0 ? untilHeartbeat : MAX_POLL;
    }

    // a record that is not a CloudEvent is a producer's bug that the consumers' dead-letter topics deal with; it must
    // not end the stream, whatever the deserializer throws
    private CloudEvent cloudEventOf(ConsumerRecord<String, byte[]> record) {
        try {
            return cloudEvents.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException notACloudEvent) {
            LOG.debugf("live stream skips %s-%d@%d, not a CloudEvent: %s", record.topic(), record.partition(),
                    record.offset(), notACloudEvent.getMessage());
            return null;
        }
    }

    private static String structured(CloudEvent event) {
        try {
            return new String(STRUCTURED.serialize(event), StandardCharsets.UTF_8);
        } catch (RuntimeException unwritable) {
            LOG.warnf("live stream skips %s %s: it cannot be written as a structured CloudEvent: %s", event.getType(),
                    event.getId(), unwritable.getMessage());
            return null;
        }
    }
}
