package io.trustline.notification.signing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Partners' endpoints on a real loopback HTTP server, keeping each request's path, headers and exact body. Every path
 * answers 204, so an endpoint a test registered keeps accepting after that test and never holds up another's events.
 */
final class SigningReceiver implements AutoCloseable {

    record Request(String path, HttpHeaders headers, String body) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    SigningReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                Map<String, List<String>> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
                requests.add(new Request(exchange.getRequestURI().getPath(), HttpHeaders.of(headers, (name, value) -> true),
                        new String(body.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    /** A new endpoint URL on this server. */
    String newUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + UUID.randomUUID();
    }

    /** The request that delivered the event with this id to this URL, if it arrived. */
    Request delivering(String url, String eventId) {
        return requests.stream()
                .filter(r -> url.endsWith(r.path()) && eventId.equals(r.header(WebhookSigner.ID)))
                .findFirst().orElse(null);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
