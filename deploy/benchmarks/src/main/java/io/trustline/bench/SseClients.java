package io.trustline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Ops dashboards on {@code GET /streams/events}: each its own HTTP/1.1 connection (its own JDK HTTP client) and
 * reader thread, taking the CloudEvent {@code time} out of each {@code data:} line without parsing the rest, so the
 * benchmark's own CPU stays small next to the service's.
 */
final class SseClients implements FanOut {

    private static final String TIME = "\"time\":\"";

    private final List<Stream<String>> streams = new ArrayList<>();
    private final List<Delays> delays = new ArrayList<>();
    private final AtomicLong received = new AtomicLong();

    /** Opens {@code clients} streams and returns once each has said it is open (and so has its position). */
    SseClients(String notificationUrl, String apiKey, int clients) throws Exception {
        CountDownLatch open = new CountDownLatch(clients);
        HttpRequest request = HttpRequest.newBuilder(URI.create(notificationUrl + "/streams/events"))
                .header("Authorization", "Bearer " + apiKey).header("Accept", "text/event-stream").build();
        for (int i = 0; i < clients; i++) {
            HttpResponse<Stream<String>> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .build().send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                close();
                throw new IllegalStateException("stream " + (i + 1) + " answered " + response.statusCode() + ": "
                        + String.join("\n", response.body().toList()));
            }
            Delays reader = new Delays();
            streams.add(response.body());
            delays.add(reader);
            Thread thread = new Thread(() -> read(response.body(), reader, open), "sse-client-" + i);
            thread.setDaemon(true);
            thread.start();
        }
        if (!open.await(1, TimeUnit.MINUTES)) {
            close();
            throw new IllegalStateException(open.getCount() + " of " + clients + " streams not open after a minute");
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
        streams.forEach(Stream::close);
    }

    private void read(Stream<String> lines, Delays reader, CountDownLatch open) {
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("data:")) {
                    Instant now = Instant.now();
                    int time = line.indexOf(TIME);
                    if (time >= 0) {
                        int from = time + TIME.length();
                        reader.record(Instant.parse(line.substring(from, line.indexOf('"', from))), now);
                        received.incrementAndGet();
                    }
                } else if (line.startsWith(":") && line.contains("live stream open")) {
                    open.countDown();
                }
            }
        } catch (RuntimeException closed) {
            // the benchmark closed it, or the service cut it off: the count stays short and the phase says so
        }
    }
}
