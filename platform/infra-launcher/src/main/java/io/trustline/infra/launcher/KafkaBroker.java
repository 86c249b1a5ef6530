package io.trustline.infra.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A real single-node Kafka broker (KRaft) in its own JVM, from {@code platform/infra}. Its storage in the
 * data directory is formatted once, so a broker started again on the same directory keeps its topics.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("^TRUSTLINE-READY kafka ");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final ManagedProcess process;
    private final int port;

    private KafkaBroker(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a broker with its log in {@code <dataDir>/broker.log}; returns once it serves requests. */
    public static KafkaBroker start(int port, int controllerPort, Path dataDir) {
        return start(TrustlineHome.locate(), port, controllerPort, dataDir, dataDir.resolve("broker.log"));
    }

    /** Starts a broker from the infra packaged under {@code home}; returns once it serves requests. */
    public static KafkaBroker start(Path home, int port, int controllerPort, Path dataDir, Path log) {
        ManagedProcess process = ManagedProcess.mainClass("kafka",
                List.of("-Xms256m", "-Xmx512m"),
                TrustlineHome.infraClasspath(home),
                "io.trustline.infra.KafkaBrokerMain",
                List.of("--port", Integer.toString(port),
                        "--controller-port", Integer.toString(controllerPort),
                        "--data-dir", dataDir.toAbsolutePath().toString(),
                        "--exit-with-parent"),
                Map.of(), log);
        process.start().awaitLogLine(READY, READY_TIMEOUT);
        return new KafkaBroker(process, port);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public ManagedProcess process() {
        return process;
    }

    /** Starts the broker again after it stopped or died, with the same ports and data, so topics and committed offsets are kept; returns once it is ready. */
    public void startAgain() {
        process.start().awaitLogLine(READY, READY_TIMEOUT);
    }

    /** Graceful: the broker flushes its logs and the next start on the same data needs no recovery. */
    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }
}
