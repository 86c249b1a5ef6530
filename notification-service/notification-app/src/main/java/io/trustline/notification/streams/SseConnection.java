package io.trustline.notification.streams;

import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One client's SSE connection with a bounded buffer: at most {@code bufferSize} events written and not yet handed to
 * the network (the client reads slower than we write). Writing to a full buffer waits for the client; if it takes
 * nothing for {@code slowReaderTimeout}, {@link SlowReader} is thrown, and the stream's own thread is the only one
 * that waited.
 */
final class SseConnection {

    private final SseEventSink sink;
    private final Sse sse;
    private final HttpServerResponse response;
    private final Semaphore buffer;
    private final Duration slowReaderTimeout;
    private volatile boolean failed;
    private volatile long lastWriteNanos = System.nanoTime();

    SseConnection(SseEventSink sink, Sse sse, HttpServerResponse response, int bufferSize, Duration slowReaderTimeout) {
        this.sink = sink;
        this.sse = sse;
        this.response = response;
        this.buffer = new Semaphore(bufferSize);
        this.slowReaderTimeout = slowReaderTimeout;
    }

    void event(String name, String id, String data) {
        write(sse.newEventBuilder().name(name).id(id).data(String.class, data).build());
    }

    /** A comment with an id: clients show no event, and an EventSource still takes the id as its last one. */
    void comment(String text, String id) {
        write(sse.newEventBuilder().comment(text).id(id).build());
    }

    boolean isOpen() {
        return !failed && !sink.isClosed();
    }

    Duration idle() {
        return Duration.ofNanos(System.nanoTime() - lastWriteNanos);
    }

    /** Closes the connection at once, dropping what the client has not taken yet. */
    void cutOff() {
        failed = true;
        response.reset();
    }

    /** Ends the response normally: the client reads what was sent, then the end. */
    void end() {
        if (!sink.isClosed()) {
            sink.close();
        }
    }

    private void write(OutboundSseEvent event) {
        try {
            if (!buffer.tryAcquire(slowReaderTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new SlowReader();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientGone();
        }
        if (!isOpen()) {
            buffer.release();
            throw new ClientGone();
        }
        try {
            sink.send(event).whenComplete((written, error) -> {
                buffer.release();
                if (error != null) {
                    failed = true;
                }
            });
        } catch (IllegalStateException closedMeanwhile) {
            buffer.release();
            throw new ClientGone();
        }
        lastWriteNanos = System.nanoTime();
    }

    /** The client took nothing while its buffer was full for the slow-reader timeout. */
    static final class SlowReader extends RuntimeException {

        SlowReader() {
            super(null, null, false, false);
        }
    }

    /** The client disconnected. */
    static final class ClientGone extends RuntimeException {

        ClientGone() {
            super(null, null, false, false);
        }
    }
}
