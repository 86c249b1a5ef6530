package io.trustline.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {

    @TempDir
    Path dir;

    private final String infraClasspath = TrustlineHome.infraClasspath(TrustlineHome.locate());

    @Test
    void aChildThatExitsBeforeItIsReady_isReportedWithItsExitCodeAndLogTail() {
        ManagedProcess mongoWithoutStorage = ManagedProcess.mainClass("mongo", List.of(), infraClasspath,
                "io.trustline.infra.MongoServerMain", List.of("--port", Integer.toString(FreePorts.next())), Map.of(),
                dir.resolve("mongo.log"));

        assertThatThrownBy(() -> mongoWithoutStorage.start().awaitLogLine(Pattern.compile("TRUSTLINE-READY"), Duration.ofSeconds(60)))
                .hasMessageContaining("mongo exited with 1")
                .hasMessageContaining("give --memory or --h2-file FILE");
    }

    @Test
    void aChildThatIsNotReadyInTime_isKilledAndReportedWithItsLogTail() {
        ManagedProcess mongo = ManagedProcess.mainClass("mongo", List.of(), infraClasspath,
                "io.trustline.infra.MongoServerMain", List.of("--port", Integer.toString(FreePorts.next()), "--memory"),
                Map.of(), dir.resolve("mongo.log"));
        mongo.start().awaitLogLine(Pattern.compile("TRUSTLINE-READY"), Duration.ofSeconds(60));

        assertThatThrownBy(() -> mongo.awaitLogLine(Pattern.compile("a line that never comes"), Duration.ofMillis(300)))
                .hasMessageContaining("mongo not ready after")
                .hasMessageContaining("TRUSTLINE-READY mongo");
        assertThat(mongo.isAlive()).isFalse();
    }

    @Test
    void aRestartedChild_reportsOnlyItsOwnRunInTheTail() {
        Path log = dir.resolve("mongo.log");
        int port = FreePorts.next();
        ManagedProcess mongo = ManagedProcess.mainClass("mongo", List.of(), infraClasspath,
                "io.trustline.infra.MongoServerMain", List.of("--port", Integer.toString(port), "--memory"), Map.of(), log);
        mongo.start().awaitLogLine(Pattern.compile("TRUSTLINE-READY"), Duration.ofSeconds(60));
        mongo.stop(Duration.ofSeconds(20));
        assertThat(mongo.tail()).contains("mongo stand-in stopped");

        mongo.start().awaitLogLine(Pattern.compile("TRUSTLINE-READY"), Duration.ofSeconds(60));
        try {
            assertThat(mongo.tail()).contains("TRUSTLINE-READY").doesNotContain("mongo stand-in stopped");
        } finally {
            mongo.stop(Duration.ofSeconds(20));
        }
    }

    @Test
    void anExitNobodyAskedFor_isHeardWithItsSignalAndLastLines_andAStopAsAskedFor() {
        ManagedProcess mongo = ManagedProcess.mainClass("mongo", List.of(), infraClasspath,
                "io.trustline.infra.MongoServerMain", List.of("--port", Integer.toString(FreePorts.next()), "--memory"),
                Map.of(), dir.resolve("mongo.log"));
        List<ManagedProcess.Exit> exits = new CopyOnWriteArrayList<>();
        mongo.whenExits(exits::add);
        mongo.start().awaitLogLine(Pattern.compile("TRUSTLINE-READY"), Duration.ofSeconds(60));
        long pid = mongo.pid();

        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(30)).until(() -> !exits.isEmpty());
        ManagedProcess.Exit crash = exits.get(0);
        assertThat(crash.pid()).isEqualTo(pid);
        assertThat(crash.requested()).isFalse();
        assertThat(crash.describeCode()).isEqualTo("exit code 137 (SIGKILL)");
        assertThat(crash.lastLines()).contains("TRUSTLINE-READY mongo");

        mongo.start().awaitLogLine(Pattern.compile("TRUSTLINE-READY"), Duration.ofSeconds(60));
        mongo.stop(Duration.ofSeconds(20));

        assertThat(exits).hasSize(2);
        assertThat(exits.get(1).requested()).isTrue();
        assertThat(exits.get(1).lastLines()).contains("mongo stand-in stopped").doesNotContain("SIGKILL");
    }

    @Test
    void aListenerAddedAfterTheRunEnded_stillHearsOfIt() {
        ManagedProcess mongoWithoutStorage = ManagedProcess.mainClass("mongo", List.of(), infraClasspath,
                "io.trustline.infra.MongoServerMain", List.of("--port", Integer.toString(FreePorts.next())), Map.of(),
                dir.resolve("mongo.log"));
        assertThatThrownBy(() -> mongoWithoutStorage.start().awaitLogLine(Pattern.compile("TRUSTLINE-READY"), Duration.ofSeconds(60)))
                .hasMessageContaining("exited");
        List<ManagedProcess.Exit> heardFirst = new CopyOnWriteArrayList<>();
        mongoWithoutStorage.whenExits(heardFirst::add);
        await().atMost(Duration.ofSeconds(10)).until(() -> !heardFirst.isEmpty());

        List<ManagedProcess.Exit> heardLate = new CopyOnWriteArrayList<>();
        mongoWithoutStorage.whenExits(heardLate::add);

        assertThat(heardLate).singleElement().satisfies(exit -> assertThat(exit.describeCode()).isEqualTo("exit code 1"));
    }
}
