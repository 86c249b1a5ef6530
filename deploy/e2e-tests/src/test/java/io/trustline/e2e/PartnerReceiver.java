package io.trustline.e2e;

import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A partner's webhook receiver: a real HTTP server on a free loopback port that answers each message as its script
 * says and keeps every request as it arrived — when, its headers, its exact body — with the status it answered.
 */
final class PartnerReceiver implements AutoCloseable {

    /** The status to answer the n-th request (from 1) carrying one {@code webhook-id}. */
    @FunctionalInterface
    interface Script {
        int status(int requestOfMessage);
    }

    /** One request; {@code headers} keyed by lower-case name, as Standard Webhooks libraries look them up. */
    record Request(Instant at, Map<String, List<String>> headers, String body, int answered) {

        String webhookId() {
            List<String> values = headers.get("webhook-id");
            return values == null ? null : values.get(0);
        }

        /** The CloudEvent id in the body. */
        String eventId() {
            return JsonPath.from(body).getString("id");
        }

        boolean accepted() {
            return answered / 100 == 2;
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> requestsPerMessage = new ConcurrentHashMap<>();

    PartnerReceiver(Script script) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks", exchange -> {
            Instant at = Instant.now();
            try (InputStream body = exchange.getRequestBody()) {
                Map<String, List<String>> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
                String webhookId = String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id"));
                int status = script.status(requestsPerMessage.computeIfAbsent(webhookId, id -> new AtomicInteger())
                        .incrementAndGet());
                requests.add(new Request(at, Map.copyOf(headers),
                        new String(body.readAllBytes(), StandardCharsets.UTF_8), status));
                exchange.sendResponseHeaders(status, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests that carried this event, in the order they arrived. */
    List<Request> requestsOf(String eventId) {
        return requests.stream().filter(request -> eventId.equals(request.eventId())).toList();
    }

    /** The ids of the events it answered 2xx, once per 2xx, in the order they arrived. */
    List<String> accepted() {
        return requests.stream().filter(Request::accepted).map(Request::eventId).toList();
    }

    /** When it first answered the event 2xx. */
    Optional<Instant> acceptedAt(String eventId) {
        return requestsOf(eventId).stream().filter(Request::accepted).map(Request::at).findFirst();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
