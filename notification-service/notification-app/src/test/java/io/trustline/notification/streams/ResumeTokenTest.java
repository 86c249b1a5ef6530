package io.trustline.notification.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustline.incident.api.IncidentTopics;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.notification.api.NotificationTopics;
import io.trustline.relationship.api.RelationshipTopics;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ResumeTokenTest {

    private static final Map<TopicPartition, Long> EVERY_TOPIC_THREE_PARTITIONS = Map.ofEntries(
            Map.entry(new TopicPartition(IntakeTopics.EVENTS, 0), 0L),
            Map.entry(new TopicPartition(IntakeTopics.EVENTS, 1), 127L),
            Map.entry(new TopicPartition(IntakeTopics.EVENTS, 2), 128L),
            Map.entry(new TopicPartition(IncidentTopics.EVENTS, 0), 1_234_567L),
            Map.entry(new TopicPartition(IncidentTopics.EVENTS, 1), 42L),
            Map.entry(new TopicPartition(IncidentTopics.EVENTS, 2), 9_000_000_000L),
            Map.entry(new TopicPartition(RelationshipTopics.EVENTS, 0), 5L),
            Map.entry(new TopicPartition(RelationshipTopics.EVENTS, 1), 6L),
            Map.entry(new TopicPartition(RelationshipTopics.EVENTS, 2), 7L),
            Map.entry(new TopicPartition(NotificationTopics.EVENTS, 0), 300L),
            Map.entry(new TopicPartition(NotificationTopics.EVENTS, 1), 0L),
            Map.entry(new TopicPartition(NotificationTopics.EVENTS, 2), 65_000L));

    @Test
    void aTokenReadsBackAsTheSamePositions_inAShortUrlSafeText() {
        String token = new ResumeToken(EVERY_TOPIC_THREE_PARTITIONS).encode();

        assertThat(ResumeToken.decode(token).positions()).isEqualTo(EVERY_TOPIC_THREE_PARTITIONS);
        assertThat(token).matches("[A-Za-z0-9_-]+").hasSizeLessThan(60);
    }

    @Test
    void aPartitionNotKnown_staysUnknown_andATopicWithoutPartitionsIsLeftOut() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        positions.put(new TopicPartition(IntakeTopics.EVENTS, 2), 17L);

        assertThat(ResumeToken.decode(new ResumeToken(positions).encode()).positions()).isEqualTo(positions);
        assertThat(ResumeToken.decode(new ResumeToken(Map.of()).encode()).positions()).isEmpty();
    }

    @Test
    void aGarbledTruncatedOrForeignToken_isRefused() {
        String token = new ResumeToken(EVERY_TOPIC_THREE_PARTITIONS).encode();
        char last = token.charAt(10);
        String garbled = token.substring(0, 10) + (last == 'A' ? 'B' : 'A') + token.substring(11);

        assertThatThrownBy(() -> ResumeToken.decode(garbled)).isInstanceOf(ResumeToken.Malformed.class)
                .hasMessageContaining("checksum");
        assertThatThrownBy(() -> ResumeToken.decode(token.substring(0, token.length() - 3)))
                .isInstanceOf(ResumeToken.Malformed.class);
        assertThatThrownBy(() -> ResumeToken.decode("AAAA")).isInstanceOf(ResumeToken.Malformed.class)
                .hasMessageContaining("short");
        assertThatThrownBy(() -> ResumeToken.decode("not+base64/")).isInstanceOf(ResumeToken.Malformed.class)
                .hasMessageContaining("base64url");
        assertThatThrownBy(() -> ResumeToken.decode(withVersion(token, 9))).isInstanceOf(ResumeToken.Malformed.class)
                .hasMessageContaining("version 9");
    }

    private static String withVersion(String token, int version) {
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        bytes[0] = (byte) version;
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes, bytes.length - 4, 4).putInt((int) crc.getValue());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
