package io.trustline.notification.streams;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a live stream stands: for each partition of the {@link StreamTopics}, the offset of the next record to read,
 * records that were filtered out counted too. It is the SSE {@code id} of what a stream sends, so a client that
 * reconnects with it ({@code Last-Event-ID}) gets exactly what came after, from any instance: nothing is kept on the
 * server.
 *
 * <p>Text form, URL-safe and compact: unpadded base64url of a version byte ({@value #VERSION}), then per topic its
 * place in {@link StreamTopics#ALL}, its partition count {@code n} and {@code n} times (next offset + 1, or 0 for a
 * partition not known), all unsigned LEB128 varints, then a CRC-32 of those bytes so that a token garbled on its way
 * is refused rather than read as other offsets.
 */
public record ResumeToken(Map<TopicPartition, Long> positions) {

    static final int VERSION = 1;
    private static final int MAX_PARTITIONS = 100_000;
    private static final Comparator<TopicPartition> ORDER = Comparator.comparing(TopicPartition::topic)
            .thenComparingInt(TopicPartition::partition);

    public ResumeToken {
        Map<TopicPartition, Long> sorted = new TreeMap<>(ORDER);
        sorted.putAll(positions);
        positions = Collections.unmodifiableMap(sorted);
    }

    public String encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(VERSION);
        for (int index = 0; index < StreamTopics.ALL.size(); index++) {
            String topic = StreamTopics.ALL.get(index);
            int partitions = positions.keySet().stream().filter(tp -> tp.topic().equals(topic))
                    .mapToInt(tp -> tp.partition() + 1).max().orElse(0);
            if (partitions == 0) {
                continue;
            }
            writeVarint(out, index);
            writeVarint(out, partitions);
            for (int partition = 0; partition < partitions; partition++) {
                Long next = positions.get(new TopicPartition(topic, partition));
                writeVarint(out, next == null ? 0 : next + 1);
            }
        }
        byte[] body = out.toByteArray();
        ByteBuffer token = ByteBuffer.allocate(body.length + Integer.BYTES).put(body).putInt((int) crc(body, body.length));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /** @throws Malformed when the text is not a token this service gave out */
    public static ResumeToken decode(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new Malformed("it is not base64url");
        }
        if (bytes.length < 1 + Integer.BYTES) {
            throw new Malformed("it is too short");
        }
        int bodyLength = bytes.length - Integer.BYTES;
        if ((int) crc(bytes, bodyLength) != ByteBuffer.wrap(bytes, bodyLength, Integer.BYTES).getInt()) {
            throw new Malformed("its checksum does not match");
        }
        if (bytes[0] != VERSION) {
            throw new Malformed("its version " + bytes[0] + " is not known here");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 1, bodyLength - 1);
        Map<TopicPartition, Long> positions = new LinkedHashMap<>();
        while (in.hasRemaining()) {
            long index = readVarint(in);
            long partitions = readVarint(in);
            if (partitions > MAX_PARTITIONS) {
                throw new Malformed("it names " + partitions + " partitions of one topic");
            }
            // a topic appended by a newer version of this service is skipped: its events are simply not streamed here
            String topic = index < StreamTopics.ALL.size() ? StreamTopics.ALL.get((int) index) : null;
            for (int partition = 0; partition < partitions; partition++) {
                long next = readVarint(in);
                if (topic != null && next > 0) {
                    positions.put(new TopicPartition(topic, partition), next - 1);
                }
            }
        }
        return new ResumeToken(positions);
    }

    private static long crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        out.write((int) rest);
    }

    private static long readVarint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 63; shift += 7) {
            if (!in.hasRemaining()) {
                throw new Malformed("it ends in the middle of a number");
            }
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new Malformed("it holds a number that is too long");
    }

    /** Not a token this service gave out: the message says why, for a 400. */
    public static final class Malformed extends RuntimeException {

        Malformed(String reason) {
            super(reason);
        }
    }
}
