package io.trustline.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A launcher JVM as a benchmark is one: starts the platform with intake, says so, and waits, with no shutdown hook —
 * so when it is ended, its processes must go by themselves.
 */
public final class LauncherForTests {

    static final String READY = "LAUNCHER-READY";

    private LauncherForTests() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalPlatform platform = new LocalPlatform(LocalPlatformSettings.forTests(Path.of(args[0]), "t", "key")
                .withServices("intake"));
        platform.start();
        System.out.println(READY + " intake pid " + platform.service("intake").pid());
        new CountDownLatch(1).await();
    }
}
