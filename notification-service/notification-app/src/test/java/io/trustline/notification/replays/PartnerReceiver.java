package io.trustline.notification.replays;

import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
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
 * answers 204, except those made with {@link #newGoneUrl()}, which answer 410.
 */
final class PartnerReceiver implements AutoCloseable {

    record Request(String path, HttpHeaders headers, String body) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String eventId() {
            return JsonPath.from(body).getString("id");
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    PartnerReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                Map<String, List<String>> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
                requests.add(new Request(exchange.getRequestURI().getPath(), HttpHeaders.of(headers, (name, value) -> true),
                        new String(body.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().startsWith("/gone/") ? 410 : 204, -1);
            exchange.close();
        });
        server.start();
    }

    /** A new endpoint URL on this server, answering 204. */
    String newUrl() {
        return base() + "/hooks/" + UUID.randomUUID();
    }

    /** A new endpoint URL on this server, answering 410 Gone. */
    String newGoneUrl() {
        return base() + "/gone/" + UUID.randomUUID();
    }

    /** The requests that reached this URL, in the order they arrived. */
    List<Request> to(String url) {
        return requests.stream().filter(r -> url.endsWith(r.path())).toList();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
