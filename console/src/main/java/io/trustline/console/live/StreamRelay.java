package io.trustline.console.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustline.console.ConsoleConfig;
import io.trustline.console.services.Service;
import io.trustline.console.services.ServiceApi;
import io.trustline.console.services.ServiceStream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Relays the notification service's {@code GET /streams/events} to a browser, one thread per stream: the CloudEvents
 * as unnamed messages (an EventSource then needs one listener for every type), {@code stream-gap} as itself,
 * heartbeats as comments carrying the resume id, and a refused stream as one {@code problem} event. When the browser
 * goes away (its sink closed, checked every {@link #WATCH_EVERY}) the upstream body is closed, which ends the notification
 * service's consumer.
 */
@ApplicationScoped
public class StreamRelay {

    /** Below the notification service's own cap (100 per instance), so the console cannot take all of them. */
    static final int MAX_STREAMS = 50;
    /** How soon a stream whose browser went away ends upstream. */
    static final Duration WATCH_EVERY = Duration.ofMillis(250);
    private static final Logger LOG = Logger.getLogger(StreamRelay.class);

    private final ServiceApi services;
    private final ConsoleConfig config;
    private final ObjectMapper json;
    private final Semaphore open = new Semaphore(MAX_STREAMS);
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "live-stream-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Thread, ScheduledFuture<?>> watches = new ConcurrentHashMap<>();

    StreamRelay(ServiceApi services, ConsoleConfig config, ObjectMapper json) {
        this.services = services;
        this.config = config;
        this.json = json;
    }

    /** What the page asked for, passed on as the notification service's own parameters. */
    public record Filters(List<String> types, List<String> clientIds, String lastEventId) {

        String query() {
            List<String> parts = new ArrayList<>();
            add(parts, "type", types);
            add(parts, "clientId", clientIds);
            return parts.isEmpty() ? "" : "?" + String.join("&", parts);
        }

        private static void add(List<String> parts, String name, List<String> values) {
            if (values != null) {
                values.stream().filter(v -> v != null && !v.isBlank())
                        .forEach(v -> parts.add(name + "=" + URLEncoder.encode(v.strip(), StandardCharsets.UTF_8)));
            }
        }
    }

    public void start(String apiKey, Filters filters, SseEventSink sink, Sse sse) {
        if (!open.tryAcquire()) {
            problem(sink, sse, "The console relays " + MAX_STREAMS + " streams already. Try again in a moment.");
            sink.close();
            return;
        }
        AtomicReference<InputStream> upstream = new AtomicReference<>();
        AtomicBoolean gone = new AtomicBoolean();
        Thread relay = new Thread(() -> {
            try {
                relay(apiKey, filters, sink, sse, upstream, gone);
            } finally {
                closeQuietly(upstream.get());
                sink.close();
                open.release();
                ScheduledFuture<?> watch = watches.remove(Thread.currentThread());
                if (watch != null) {
                    watch.cancel(false);
                }
            }
        }, "live-stream-relay");
        relay.setDaemon(true);
        Runnable end = () -> {
            if (gone.compareAndSet(false, true)) {
                closeQuietly(upstream.get());
                // a read blocked on the upstream body waits for its next bytes (up to a heartbeat) unless interrupted
                relay.interrupt();
            }
        };
        // the sink learns of a closed connection from the framework's own close handler (one per response, so not ours)
        ScheduledFuture<?> watch = watchdog.scheduleWithFixedDelay(() -> {
            if (sink.isClosed() || !relay.isAlive() && relay.getState() != Thread.State.NEW) {
                end.run();
            }
        }, WATCH_EVERY.toMillis(), WATCH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        watches.put(relay, watch);
        relay.start();
    }

    /** Streams open now, for the test that the upstream connection ends with the browser's. */
    int openStreams() {
        return MAX_STREAMS - open.availablePermits();
    }

    private void relay(String apiKey, Filters filters, SseEventSink sink, Sse sse, AtomicReference<InputStream> upstream,
                       AtomicBoolean gone) {
        Map<String, String> headers = new java.util.HashMap<>();
        headers.put("Accept", "text/event-stream");
        if (filters.lastEventId() != null && !filters.lastEventId().isBlank()) {
            headers.put("Last-Event-ID", filters.lastEventId());
        }
        ServiceStream answer;
        try {
            answer = services.openStream(apiKey, Service.NOTIFICATION, "/streams/events" + filters.query(), headers);
        } catch (IOException e) {
            problem(sink, sse, "The notification service did not answer: " + e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        upstream.set(answer.body());
        if (gone.get()) {
            return;
        }
        if (answer.status() != 200) {
            problem(sink, sse, refusal(answer));
            return;
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = null;
            String line;
            while ((line = lines.readLine()) != null && !sink.isClosed()) {
                if (line.isEmpty()) {
                    if (!send(sink, event(sse, id, name, data))) {
                        return;
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith("id:")) {
                    id = value(line, 3);
                } else if (line.startsWith("event:")) {
                    name = value(line, 6);
                } else if (line.startsWith("data:")) {
                    data = data == null ? new StringBuilder(value(line, 5)) : data.append('\n').append(value(line, 5));
                }
            }
        } catch (IOException e) {
            if (!gone.get()) {
                LOG.debugf("live stream upstream ended: %s", e.getMessage());
            }
        }
    }

    private static OutboundSseEvent event(Sse sse, String id, String name, StringBuilder data) {
        OutboundSseEvent.Builder event = sse.newEventBuilder();
        if (id != null) {
            event.id(id);
        }
        if (data == null) {
            // the open comment and heartbeats: passed on with their id, which the EventSource keeps as its position
            return event.comment("heartbeat").build();
        }
        if (name != null && !name.startsWith("io.trustline.")) {
            event.name(name);
        }
        return event.data(String.class, data.toString()).build();
    }

    /** Waits for the browser to take the event: a reader that takes nothing holds the upstream back, then is let go. */
    private boolean send(SseEventSink sink, OutboundSseEvent event) {
        try {
            sink.send(event).toCompletableFuture().get(config.serviceTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception browserGone) {
            return false;
        }
    }

    private void problem(SseEventSink sink, Sse sse, String detail) {
        try {
            sink.send(sse.newEventBuilder().name("problem").data(String.class, detail).build())
                    .toCompletableFuture().get(config.serviceTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception ignored) {
            // the browser is gone; nothing to tell
        }
    }

    private String refusal(ServiceStream answer) {
        try (InputStream body = answer.body()) {
            JsonNode problem = json.readTree(body);
            List<String> parts = new ArrayList<>();
            problem.path("errors").forEach(e -> parts.add(e.path("field").asText("") + ": " + e.path("message").asText("")));
            String detail = parts.isEmpty() ? problem.path("detail").asText(problem.path("title").asText("")) : String.join("; ", parts);
            return "The notification service refused the stream (" + answer.status() + "): " + detail;
        } catch (IOException | RuntimeException e) {
            return "The notification service refused the stream (" + answer.status() + ").";
        }
    }

    private static String value(String line, int from) {
        String value = line.substring(from);
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    private static void closeQuietly(InputStream stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
    }
}
