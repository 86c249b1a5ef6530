package io.trustline.intake.psa.connectwise;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for ConnectWise's key_url on a real local port: answers {@code {"signing_key": ...}} the way ConnectWise
 * documents it, and counts how often it was asked.
 */
public final class ConnectWiseKeyServer implements AutoCloseable {

    public static final String KEY_PATH = "/v4_6_release/system/callbackkey/index.rails";

    private final HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile String signingKey;
    private volatile int status = 200;
    private volatile String location;

    public ConnectWiseKeyServer(String initialKey) {
        this.signingKey = initialKey;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(KEY_PATH, exchange -> {
            fetches.incrementAndGet();
            byte[] body = ("{\"signing_key\": \"" + this.signingKey + "\"}").getBytes(StandardCharsets.UTF_8);
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, status == 200 ? body.length : -1);
            if (status == 200) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    /** The origin to put in a callback's key_url in place of ConnectWise's. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int fetches() {
        return fetches.get();
    }

    public void rotateTo(String newKey) {
        this.signingKey = newKey;
    }

    public void answer(int status) {
        this.status = status;
    }

    public void redirectTo(String location) {
        this.status = 302;
        this.location = location;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
