package io.trustline.testkit.sse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client as the spec (HTML, "server-sent events") describes one and an ops dashboard runs it,
 * over the JDK's HTTP client (HTTP/1.1): reads the stream on its own thread, dispatches an event at each blank line,
 * and keeps the last event id the way an EventSource does — also from a block that carries an id and no data (the
 * stream's opening comment and its heartbeats).
 */
public final class SseClient implements AutoCloseable {

    /** A dispatched event: {@code event} is its name (the CloudEvent type), {@code id} the resume token. */
    public record Event(String event, String id, String data) {
    }

    private final Stream<String> lines;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private volatile String lastEventId;
    private boolean closed;
    private volatile boolean ended;

    private SseClient(Stream<String> lines) {
        this.lines = lines;
        Thread reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects and returns once the answer's headers arrived; fails unless it is a 200 event stream. */
    public static SseClient open(URI uri, String apiKey) throws Exception {
        return open(uri, apiKey, Map.of());
    }

    /** As {@link #open(URI, String)}, with more request headers (e.g. {@code Last-Event-ID}). */
    public static SseClient open(URI uri, String apiKey, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + apiKey)
                .header("Accept", "text/event-stream");
        headers.forEach(request::header);
        HttpResponse<Stream<String>> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200
                || !response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            String body;
            try (Stream<String> lines = response.body()) {
                body = String.join("\n", lines.toList());
            }
            throw new AssertionError("expected a 200 event stream, got " + response.statusCode() + ": " + body);
        }
        return new SseClient(response.body());
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<String> eventNames() {
        return events.stream().map(Event::event).toList();
    }

    public List<String> comments() {
        return List.copyOf(comments);
    }

    /** What an EventSource would send as Last-Event-ID if it reconnected now; null before any id. */
    public String lastEventId() {
        return lastEventId;
    }

    /** True once the server ended the stream or cut the connection (or it was closed here). */
    public boolean ended() {
        return ended;
    }

    /** Disconnects; what was dispatched until then stays, and nothing is added after it returns. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        lines.close();
    }

    private synchronized void dispatch(String id, String event, List<String> data) {
        if (closed) {
            return;
        }
        if (id != null) {
            lastEventId = id;
        }
        if (!data.isEmpty()) {
            events.add(new Event(event == null ? "message" : event, lastEventId, String.join("\n", data)));
        }
    }

    private void read() {
        String event = null;
        String id = null;
        List<String> data = new ArrayList<>();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    dispatch(id, event, data);
                    event = null;
                    id = null;
                    data.clear();
                } else if (line.startsWith(":")) {
                    comments.add(valueOf(line.substring(1)));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : valueOf(line.substring(colon + 1));
                    switch (field) {
                        case "event" -> event = value;
                        case "id" -> id = value;
                        case "data" -> data.add(value);
                        default -> {
                            // the spec ignores other fields
                        }
                    }
                }
            }
        } catch (RuntimeException closedOrCut) {
            // the end of the stream as the JDK reports a cut connection or a close here: ended says so
        } finally {
            ended = true;
        }
    }

    private static String valueOf(String afterColon) {
        return afterColon.startsWith(" ") ? afterColon.substring(1) : afterColon;
    }
}
