package io.trustline.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
}
