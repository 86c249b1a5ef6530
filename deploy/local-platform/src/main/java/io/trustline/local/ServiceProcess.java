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
import java.util.List;
import java.util.Map;

/** One packaged Quarkus service ({@code target/quarkus-app}) running as its own process. */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final List<String> command;
    private final Path log;
    private ManagedProcess process;

    ServiceProcess(Path home, String name, int port, Map<String, String> config, Path log) {
        Path jar = home.resolve(name + "-service/" + name + "-app/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw -DskipTests package");
        }
        this.name = name;
        this.port = port;
        this.log = log;
        List<String> args = new java.util.ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC"));
        config.forEach((key, value) -> args.add("-D" + key + "=" + value));
        args.add("-Dquarkus.http.port=" + port);
        args.add("-Dquarkus.http.host=127.0.0.1");
        args.add("-Dtrustline.exit-with-parent-pid=" + ProcessHandle.current().pid());
        args.addAll(List.of("-jar", jar.toString()));
        this.command = List.copyOf(args);
    }

    /** Starts the process; {@link #awaitReady} waits for its readiness check. */
    void launch() {
        process = new ManagedProcess(name, command, Map.of(), log).start();
    }

    void awaitReady(Duration timeout) {
        process.await(this::isReady, timeout, "GET /q/health/ready = 200");
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

    public long residentKib() {
        return process.residentKib();
    }

    /** SIGKILL, as in a crash: no graceful shutdown, uncommitted offsets stay uncommitted. */
    public void kill() {
        process.kill();
    }

    /** Starts the service again with the same settings and waits until it is ready. */
    public void restart() {
        process.stop(Duration.ofSeconds(20));
        launch();
        awaitReady(Duration.ofSeconds(90));
    }

    void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(20));
        }
    }

    String logTail() {
        return process == null ? "" : process.tail();
    }

    private boolean isReady() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
