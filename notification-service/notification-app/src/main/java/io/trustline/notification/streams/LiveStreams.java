package io.trustline.notification.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustline.platform.json.TrustlineJson;
import io.trustline.platform.kafka.KafkaClients;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.jboss.logging.Logger;

/**
 * The live streams of this instance: at most {@code max-connections} at once, each with its own thread and Kafka
 * consumer, both closed when its client disconnects, is cut off as a slow reader, or the service stops.
 */
@ApplicationScoped
public class LiveStreams {

    private static final Logger LOG = Logger.getLogger(LiveStreams.class);
    private static final int MAX_POLL_RECORDS = 100;
    // enough for a few full batches of one partition; a single larger record is still fetched
    private static final int MAX_FETCH_BYTES = 2 * 1024 * 1024;

    private final StreamSettings settings;
    private final KafkaClients kafka;
    private final ObjectMapper json = TrustlineJson.newObjectMapper();
    private final Semaphore slots;
    private final Set<LiveStream> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong cutOff = new AtomicLong();
    private final AtomicLong threadsMade = new AtomicLong();
    private final ExecutorService threads;

    @Inject
    LiveStreams(StreamSettings settings, KafkaClients kafka) {
        this.settings = settings;
        this.kafka = kafka;
        this.slots = new Semaphore(settings.maxConnections());
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "live-stream-" + threadsMade.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Positions a new stream and sends its first comment, on the calling (request) thread, so the client has its
     * headers and a resume token once this returns; then reads on on the stream's own thread.
     *
     * @throws StreamLimitReached when {@code max-connections} streams are open here
     */
    void start(StreamSelection selection, Optional<ResumeToken> from, SseEventSink sink, Sse sse,
               HttpServerResponse response) {
        if (!slots.tryAcquire()) {
            throw new StreamLimitReached(settings.maxConnections());
        }
        KafkaConsumer<String, byte[]> consumer = null;
        try {
            consumer = kafka.newUngroupedConsumer("live-stream-" + started.incrementAndGet(), MAX_POLL_RECORDS,
                    MAX_FETCH_BYTES);
            StreamPositions positions = new StreamPositions(consumer, settings.partitionRefresh());
            List<StreamGap> gaps = positions.start(from);
            SseConnection connection = new SseConnection(sink, sse, response, settings.bufferSize(),
                    settings.slowReaderTimeout());
            LiveStream stream = new LiveStream(consumer, positions, selection, connection, settings.heartbeat(), json);
            // proxies must neither cache nor hold back what a stream sends
            response.putHeader("Cache-Control", "no-store");
            response.putHeader("X-Accel-Buffering", "no");
            stream.open(gaps);
            open.add(stream);
            threads.execute(() -> run(stream));
        } catch (SseConnection.ClientGone gone) {
            release(consumer);
        } catch (RuntimeException e) {
            release(consumer);
            throw e;
        }
    }

    /** Streams open on this instance now. */
    public int active() {
        return open.size();
    }

    /** Streams cut off because their client took no event for the slow-reader timeout, since this instance started. */
    public long slowReadersCutOff() {
        return cutOff.get();
    }

    private void run(LiveStream stream) {
        try {
            stream.run();
            stream.connection().end();
        } catch (SseConnection.SlowReader slow) {
            long count = cutOff.incrementAndGet();
            stream.connection().cutOff();
            LOG.warnf("live stream of tenant %s cut off: its client took no event for %s with %d waiting "
                            + "(slow readers cut off by this instance: %d); it can reconnect with its Last-Event-ID",
                    stream.tenant(), settings.slowReaderTimeout(), settings.bufferSize(), count);
        } catch (SseConnection.ClientGone gone) {
            LOG.debugf("live stream of tenant %s ended: the client disconnected", stream.tenant());
        } catch (RuntimeException e) {
            LOG.errorf(e, "live stream of tenant %s failed and is ended; its client can reconnect with its "
                    + "Last-Event-ID", stream.tenant());
            stream.connection().end();
        } finally {
            stream.close();
            open.remove(stream);
            slots.release();
        }
    }

    private void release(KafkaConsumer<String, byte[]> consumer) {
        if (consumer != null) {
            consumer.close(Duration.ZERO);
        }
        slots.release();
    }

    @PreDestroy
    void stopAll() throws InterruptedException {
        open.forEach(LiveStream::stop);
        threads.shutdown();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** {@code max-connections} streams are open on this instance. */
    static final class StreamLimitReached extends RuntimeException {

        StreamLimitReached(int limit) {
            super("This instance already serves its limit of " + limit + " live streams; try again shortly, "
                    + "or on another instance.");
        }
    }
}
