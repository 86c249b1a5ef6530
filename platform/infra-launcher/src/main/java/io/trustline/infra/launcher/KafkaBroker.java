package io.trustline.infra.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A real single-node Kafka broker (KRaft) in its own JVM, from {@code platform/infra}. */
public final class KafkaBroker implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("^TRUSTLINE-READY kafka ");

    private final ManagedProcess process;
    private final int port;

    private KafkaBroker(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static KafkaBroker start(Path home, int port, int controllerPort, Path dataDir, Path log) {
        ManagedProcess process = new ManagedProcess("kafka", List.of(
                "-Xms256m", "-Xmx512m",
                "-cp", TrustlineHome.infraClasspath(home),
                "io.trustline.infra.KafkaBrokerMain",
                "--port", Integer.toString(port),
                "--controller-port", Integer.toString(controllerPort),
                "--data-dir", dataDir.toString(),
                "--exit-with-parent"), Map.of(), log);
        process.start().awaitLogLine(READY, Duration.ofSeconds(90));
        return new KafkaBroker(process, port);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }
}
