package io.trustline.local;

import io.trustline.infra.launcher.ManagedProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One packaged Quarkus service ({@code target/quarkus-app}) running as its own process. */
public final class ServiceProcess {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final ManagedProcess process;

    ServiceProcess(Path home, String name, int port, Map<String, String> config, Path log) {
        this(home, name, name, port, config, log);
    }

    /** One instance, {@code instanceName}, of the packaged {@code service}; several may share its groups and store. */
    ServiceProcess(Path home, String service, String instanceName, int port, Map<String, String> config, Path log) {
        Path jar = home.resolve(service.equals(LocalPlatformSettings.CONSOLE)
                ? "console/target/quarkus-app/quarkus-run.jar"
                : service + "-service/" + service + "-app/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw -DskipTests install");
        }
        this.name = instanceName;
        this.port = port;
        List<String> jvmOptions = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC",
                // a service out of memory is in no known state: better gone, and seen to be, than half-working
                "-XX:+ExitOnOutOfMemoryError"));
        config.forEach((key, value) -> jvmOptions.add("-D" + key + "=" + value));
        jvmOptions.add("-Dquarkus.http.port=" + port);
        jvmOptions.add("-Dquarkus.http.host=127.0.0.1");
        // the service shuts itself down when this launcher is gone, however it ended
        jvmOptions.add("-Dtrustline.exit-with-parent-pid=" + ProcessHandle.current().pid());
        this.process = ManagedProcess.jar(instanceName, jvmOptions, jar, List.of(), Map.of(), log);
    }

    /** Starts the process; {@link #awaitReady} waits for its readiness check. */
    void launch() {
        process.start();
    }

    void awaitReady(Duration timeout) {
        process.await(this::isReady, timeout, "GET " + baseUrl() + "/q/health/ready = 200");
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    ManagedProcess process() {
        return process;
    }

    public long residentKib() {
        return process.residentKib();
    }

    /** SIGKILL, as in a crash: no graceful shutdown, uncommitted offsets stay uncommitted. */
    public void kill() {
        process.kill();
    }

    /** Starts the service again with the same settings and waits until it is ready (stopping it first if it runs). */
    public void restart() {
        process.stop(STOP_GRACE);
        launch();
        awaitReady(READY_TIMEOUT);
    }

    /** SIGTERM: Quarkus finishes in-flight work and closes its consumers and clients. */
    public void stop() {
        process.stop(STOP_GRACE);
    }

    private boolean isReady() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }
}
