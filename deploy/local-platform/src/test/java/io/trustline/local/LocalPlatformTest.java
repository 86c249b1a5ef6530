package io.trustline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.trustline.infra.launcher.FreePorts;
import io.trustline.infra.launcher.ManagedProcess;
import io.trustline.infra.launcher.TrustlineHome;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The platform's infrastructure part, and supervision; the end-to-end suite runs it with the four services. */
class LocalPlatformTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutServices_theBrokerAndTheH2StandInRun_logUnderTheDataDir_andAllStop() {
        LocalPlatformSettings settings = LocalPlatformSettings.forTests(dataDir, "t", "key")
                .withServices().withInMemoryMongo(false);
        ManagedProcess kafka;
        ManagedProcess mongo;
        try (LocalPlatform platform = new LocalPlatform(settings)) {
            platform.start();
            kafka = platform.kafka().process();
            mongo = platform.mongo().process();

            assertThat(platform.kafka().bootstrapServers()).isEqualTo("127.0.0.1:" + settings.kafkaPort());
            assertThat(platform.mongo().connectionString()).isEqualTo("mongodb://127.0.0.1:" + settings.mongoPort());
            assertThat(accepts(settings.kafkaPort())).isTrue();
            assertThat(accepts(settings.mongoPort())).isTrue();
            assertThat(platform.services()).isEmpty();
            assertThatThrownBy(() -> platform.service("intake")).isInstanceOf(NoSuchElementException.class);
        }
        assertThat(kafka.isAlive()).isFalse();
        assertThat(mongo.isAlive()).isFalse();
        assertThat(dataDir.resolve("logs/kafka.log")).content().contains("TRUSTLINE-READY kafka");
        assertThat(dataDir.resolve("logs/mongo.log")).content().contains("TRUSTLINE-READY mongo").contains("mongo stand-in stopped");
        assertThat(dataDir.resolve("mongo/trustline.mv")).exists();
        assertThat(dataDir.resolve("kafka/log/meta.properties")).exists();
    }

    @Test
    void aServiceThatIsNotBuilt_failsTheStartWithTheBuildCommand_andLeavesNothingRunning() {
        LocalPlatformSettings settings = new LocalPlatformSettings(dataDir, FreePorts.next(), FreePorts.next(),
                FreePorts.next(), Map.of("unbuilt", FreePorts.next()), true, "t", "key", Map.of());
        LocalPlatform platform = new LocalPlatform(settings);

        assertThatThrownBy(platform::start)
                .hasMessageContaining("unbuilt-service/unbuilt-app/target/quarkus-app/quarkus-run.jar is missing")
                .hasMessageContaining("./mvnw -DskipTests install");

        assertThat(platform.kafka().process().isAlive()).isFalse();
        assertThat(platform.mongo().process().isAlive()).isFalse();
        assertThat(accepts(settings.kafkaPort())).isFalse();
    }

    @Test
    void aSupervisedServiceKilledByItsPid_isReportedAtOnceWithItsSignalAndLastLogLines_andComesBackReady()
            throws Exception {
        List<String> reports = new CopyOnWriteArrayList<>();
        LocalPlatformSettings settings = LocalPlatformSettings.forTests(dataDir, "t", "key").withServices("intake");
        try (LocalPlatform platform = new LocalPlatform(settings).supervised(reports::add)) {
            platform.start();
            ServiceProcess intake = platform.service("intake");
            long crashedPid = intake.pid();

            ProcessHandle.of(crashedPid).orElseThrow().destroyForcibly();

            await().atMost(Duration.ofSeconds(30)).until(() -> !reports.isEmpty());
            String crash = reports.get(0);
            assertThat(crash).startsWith("intake stopped unexpectedly: exit code 137 (SIGKILL) (pid " + crashedPid + ", after ")
                    .contains("Last lines of " + dataDir.resolve("logs/intake.log") + ":");
            List<String> quoted = crash.lines().filter(line -> line.startsWith("    | "))
                    .map(line -> line.substring(6).replaceFirst(" …$", "")).toList();
            assertThat(quoted).hasSizeBetween(1, 20);
            String log = Files.readString(dataDir.resolve("logs/intake.log"));
            assertThat(quoted).allSatisfy(line -> assertThat(log).contains(line));

            await().atMost(Duration.ofMinutes(3)).until(() -> reports.size() >= 3);
            assertThat(reports.get(1)).isEqualTo("Restarting intake in 1 s (restart 1 of at most 5 in a row).");
            assertThat(reports.get(2)).startsWith("intake is back: ready in ").endsWith("(pid " + intake.pid() + ").");
            assertThat(intake.pid()).isNotEqualTo(crashedPid);
            assertThat(statusOf(intake.baseUrl() + "/q/health/ready")).isEqualTo(200);
        }
        assertThat(reports).hasSize(3);
    }

    @Test
    void aStopAskedFor_ofOneProcessOrOfAll_restartsNothing() {
        List<String> reports = new CopyOnWriteArrayList<>();
        LocalPlatformSettings settings = LocalPlatformSettings.forTests(dataDir, "t", "key").withServices();
        ManagedProcess kafka;
        ManagedProcess mongo;
        try (LocalPlatform platform = new LocalPlatform(settings).supervised(reports::add)) {
            platform.start();
            kafka = platform.kafka().process();
            mongo = platform.mongo().process();

            // returns once the supervisor heard of the exit, which it reports at once if it takes it for a crash
            platform.stopKafka();

            assertThat(reports).isEmpty();
            assertThat(kafka.isAlive()).isFalse();
            assertThat(accepts(settings.kafkaPort())).isFalse();
        }
        assertThat(reports).isEmpty();
        assertThat(kafka.isAlive()).isFalse();
        assertThat(mongo.isAlive()).isFalse();
        assertThat(accepts(settings.mongoPort())).isFalse();
    }

    @Test
    void aLauncherEndedBySigterm_takesItsBrokerMongoAndServicesWithIt() {
        ManagedProcess launcher = ManagedProcess.mainClass("launcher",
                List.of("-D" + TrustlineHome.PROPERTY + "=" + TrustlineHome.locate()), System.getProperty("java.class.path"),
                LauncherForTests.class.getName(), List.of(dataDir.toString()), Map.of(), dataDir.resolve("launcher.log"));
        launcher.start().awaitLogLine(Pattern.compile("^" + LauncherForTests.READY), Duration.ofMinutes(3));
        List<ProcessHandle> children = ProcessHandle.of(launcher.pid()).orElseThrow().children().toList();
        assertThat(children).hasSize(3);

        ProcessHandle.of(launcher.pid()).orElseThrow().destroy();

        // a service notices at once and stops gracefully, or halts after 10 s: the broker and Mongo are gone too
        await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(dataDir.resolve("logs/intake.log")).content().containsPattern("launcher process \\d+ .*; shutting down");
    }

    @Test
    void theLocalRun_usesTheDocumentedPortsAndTenant() {
        LocalPlatformSettings settings = LocalPlatformSettings.localRun(dataDir, LocalPlatformSettings.DEV_API_KEY);

        assertThat(settings.servicePorts()).containsExactly(Map.entry("console", 8080), Map.entry("intake", 8081), Map.entry("incident", 8082),
                Map.entry("relationship", 8083), Map.entry("notification", 8084));
        assertThat(settings.kafkaPort()).isEqualTo(19092);
        assertThat(settings.controllerPort()).isEqualTo(19093);
        assertThat(settings.mongoPort()).isEqualTo(27018);
        assertThat(settings.inMemoryMongo()).isFalse();
        assertThat(settings.tenantId()).isEqualTo("dev");
    }

    private static int statusOf(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
