package io.trustline.infra.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The MongoDB wire-protocol stand-in in its own JVM, from {@code platform/infra}: in memory for tests,
 * on an H2 file for the local run. Development and tests only; production uses a real MongoDB.
 */
public final class MongoStandIn implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("^TRUSTLINE-READY mongo ");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final ManagedProcess process;
    private final int port;

    /** System property for the stand-in's heap, which holds every document: a benchmark of large stores raises it. */
    public static final String HEAP_PROPERTY = "trustline.mongo.heap";

    private MongoStandIn(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** In memory, with its log in a temporary file. */
    public static MongoStandIn startInMemory(int port) {
        try {
            return startInMemory(TrustlineHome.locate(), port, Files.createTempFile("trustline-mongo-" + port + "-", ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a log file for the Mongo stand-in", e);
        }
    }

    public static MongoStandIn startInMemory(Path home, int port, Path log) {
        return start(home, port, List.of("--memory"), log);
    }

    /** On an H2 file, with its log next to it ({@code <file>.log}). */
    public static MongoStandIn startOnH2(int port, Path h2File) {
        return startOnH2(TrustlineHome.locate(), port, h2File, h2File.resolveSibling(h2File.getFileName() + ".log"));
    }

    public static MongoStandIn startOnH2(Path home, int port, Path h2File, Path log) {
        return start(home, port, List.of("--h2-file", h2File.toAbsolutePath().toString()), log);
    }

    private static MongoStandIn start(Path home, int port, List<String> storage, Path log) {
        List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port), "--exit-with-parent"));
        args.addAll(storage);
        ManagedProcess process = ManagedProcess.mainClass("mongo", List.of("-Xmx" + System.getProperty(HEAP_PROPERTY, "512m")),
                TrustlineHome.infraClasspath(home), "io.trustline.infra.MongoServerMain", args, Map.of(), log);
        process.start().awaitLogLine(READY, READY_TIMEOUT);
        return new MongoStandIn(process, port);
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    public ManagedProcess process() {
        return process;
    }

    /** Starts the stand-in again after it stopped or died, with the same port and storage (an in-memory one comes back empty); returns once it is ready. */
    public void startAgain() {
        process.start().awaitLogLine(READY, READY_TIMEOUT);
    }

    /** Graceful: the H2 backend commits its last writes on shutdown. */
    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }
}
