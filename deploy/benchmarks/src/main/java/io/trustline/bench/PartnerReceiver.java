package io.trustline.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Partners' webhook receivers on one local port: {@code /hooks/<n>} answers 204 and counts what it received (each
 * webhook-id once), except the paths marked failing, which answer 500 to everything.
 */
final class PartnerReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Set<String> received = ConcurrentHashMap.newKeySet();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();

    PartnerReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/hooks/", this::receive);
        server.setExecutor(threads);
        server.start();
    }

    String url(int endpoint) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + endpoint;
    }

    void fail(int endpoint) {
        failing.add("/hooks/" + endpoint);
    }

    /** Distinct (endpoint, webhook-id) pairs answered 2xx. */
    int delivered() {
        return received.size();
    }

    long attempts() {
        return attempts.get();
    }

    long failedAttempts() {
        return failedAttempts.get();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            attempts.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            if (failing.contains(path)) {
                failedAttempts.incrementAndGet();
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            received.add(path + " " + exchange.getRequestHeaders().getFirst("webhook-id"));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
