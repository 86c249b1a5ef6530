package io.trustline.notification.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.trustline.testkit.golden.GoldenJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** A partner's endpoint on a real local HTTP server, answering the n-th request (from 1) as its script says. */
final class ScriptedReceiver implements AutoCloseable {

    record Answer(int status, Map<String, String> headers) {

        static Answer of(int status) {
            return new Answer(status, Map.of());
        }
    }

    /** A request as it arrived, with the answer it got. */
    record Request(String eventId, Instant at, int answeredStatus) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();

    ScriptedReceiver(IntFunction<Answer> script) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", exchange -> {
            Instant at = Instant.now();
            JsonNode event;
            try (InputStream body = exchange.getRequestBody()) {
                event = GoldenJson.mapper().readTree(body.readAllBytes());
            }
            Answer answer = script.apply(count.incrementAndGet());
            requests.add(new Request(event.path("id").asText(), at, answer.status()));
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
        });
        server.start();
    }

    static ScriptedReceiver always(int status) throws IOException {
        return new ScriptedReceiver(n -> Answer.of(status));
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The ids of the events it accepted (2xx), in the order they arrived. */
    List<String> accepted() {
        return requests.stream().filter(r -> r.answeredStatus() / 100 == 2).map(Request::eventId).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
