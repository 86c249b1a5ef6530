package io.trustline.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The floor under the live stream: as many plain Kafka consumers as streams, each positioned as a stream is (every
 * partition assigned, from the end, no group), reading the topic in this JVM and taking each event's time from its
 * {@code ce_time} header — no HTTP, no filter, no JSON.
 */
final class KafkaFanOut implements FanOut {

    private final List<KafkaConsumer<byte[], byte[]>> consumers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Delays> delays = new ArrayList<>();
    private final AtomicLong received = new AtomicLong();
    private volatile boolean stopping;

    /** Starts {@code readers} consumers of the topic and returns once each has its position at the end. */
    KafkaFanOut(String bootstrap, String topic, int readers) throws InterruptedException {
        CountDownLatch positioned = new CountDownLatch(readers);
        for (int i = 0; i < readers; i++) {
            KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.CLIENT_ID_CONFIG, "bench-fan-out-" + i + "-" + UUID.randomUUID(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            Delays reader = new Delays();
            consumers.add(consumer);
            delays.add(reader);
            Thread thread = new Thread(() -> read(consumer, topic, reader, positioned), "kafka-fan-out-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        if (!positioned.await(1, TimeUnit.MINUTES)) {
            close();
            throw new IllegalStateException(positioned.getCount() + " of " + readers + " consumers not positioned");
        }
    }

    @Override
    public long received() {
        return received.get();
    }

    @Override
    public long[] sortedDelaysMicros() {
        return Delays.sortedOf(delays);
    }

    @Override
    public void reset() {
        delays.forEach(Delays::reset);
        received.set(0);
    }

    @Override
    public void close() {
        stopping = true;
        consumers.forEach(KafkaConsumer::wakeup);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void read(KafkaConsumer<byte[], byte[]> consumer, String topic, Delays reader, CountDownLatch positioned) {
        try (consumer) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            positioned.countDown();
            while (!stopping) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Instant now = Instant.now();
                    Header time = record.headers().lastHeader("ce_time");
                    if (time != null) {
                        reader.record(Instant.parse(new String(time.value(), StandardCharsets.UTF_8)), now);
                        received.incrementAndGet();
                    }
                }
            }
        } catch (WakeupException stopped) {
            // closed by the benchmark
        }
    }
}
