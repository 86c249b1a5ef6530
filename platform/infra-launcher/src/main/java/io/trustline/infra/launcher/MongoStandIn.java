package io.trustline.infra.launcher;

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

    private final ManagedProcess process;
    private final int port;

    private MongoStandIn(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static MongoStandIn startInMemory(Path home, int port, Path log) {
        return start(home, port, List.of("--memory"), log);
    }

    public static MongoStandIn startOnH2(Path home, int port, Path h2File, Path log) {
        return start(home, port, List.of("--h2-file", h2File.toString()), log);
    }

    private static MongoStandIn start(Path home, int port, List<String> storage, Path log) {
        List<String> command = new ArrayList<>(List.of("-Xmx512m",
                "-cp", TrustlineHome.infraClasspath(home),
                "io.trustline.infra.MongoServerMain",
                "--port", Integer.toString(port), "--exit-with-parent"));
        command.addAll(storage);
        ManagedProcess process = new ManagedProcess("mongo", command, Map.of(), log);
        process.start().awaitLogLine(READY, Duration.ofSeconds(60));
        return new MongoStandIn(process, port);
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        // graceful: the H2 backend commits its last writes on shutdown
        process.stop(Duration.ofSeconds(30));
    }
}
