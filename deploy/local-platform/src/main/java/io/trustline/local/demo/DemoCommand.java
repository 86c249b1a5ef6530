package io.trustline.local.demo;

import io.trustline.local.LocalPlatform;
import io.trustline.local.LocalPlatformSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./trustline demo [--data-dir DIR]}: plays the seed stories into the {@code demo} tenant of the local run.
 * If the platform answers on its documented ports the demo plays into it and exits; if nothing answers it starts the
 * platform as {@code ./trustline run} does, plays, and keeps it running until Ctrl-C.
 */
public final class DemoCommand {

    static final String USAGE = "usage: ./trustline demo [--data-dir DIR]";
    private static final List<String> PLAYED_ON = List.of("intake", "incident", "relationship");

    private DemoCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dataDir = dataDir(args).toAbsolutePath().normalize();
        String devKey = System.getenv().getOrDefault("TRUSTLINE_DEV_API_KEY", LocalPlatformSettings.DEV_API_KEY);
        LocalPlatformSettings settings = LocalPlatformSettings.localRun(dataDir, devKey);
        Map<String, String> urls = new LinkedHashMap<>();
        settings.servicePorts().forEach((name, port) -> urls.put(name, "http://localhost:" + port));
        TrustlineApi api = new TrustlineApi(urls, LocalPlatformSettings.DEMO_API_KEY);

        long startedAt = System.nanoTime();
        List<String> answering = settings.servicePorts().keySet().stream().filter(api::isReady).toList();
        LocalPlatform started = null;
        CountDownLatch stopped = new CountDownLatch(1);
        if (answering.isEmpty()) {
            started = start(settings, stopped);
        } else if (!answering.containsAll(PLAYED_ON)) {
            System.err.println("Only " + answering + " of Trustline answer on " + urls.values()
                    + ": wait until `./trustline run` is up, or stop it, and run the demo again.");
            System.exit(1);
        } else {
            System.out.println("Trustline is running: playing the demo into it.");
        }

        System.out.println("Playing the five seed stories into tenant '" + LocalPlatformSettings.DEMO_TENANT + "' …");
        long playingAt = System.nanoTime();
        List<Demo.StoryOutcome> outcomes;
        try {
            outcomes = new Demo(api, System.out).play();
        } catch (TrustlineApi.UnexpectedAnswer e) {
            System.err.println("\nThe demo stopped: " + e.getMessage());
            if (e.status() == 401) {
                System.err.println("The running platform does not know the demo tenant's key: it was started by an "
                        + "older build. Stop it (Ctrl-C) and start it again with ./trustline run or ./trustline demo.");
            } else if (e.status() == 422) {
                System.err.println("A request of the demo was recorded earlier with another body (a demo of another "
                        + "version?). Play it into a fresh data dir: ./trustline demo --data-dir DIR.");
            }
            exit(started, stopped);
            return;
        } catch (RuntimeException e) {
            System.err.println("\nThe demo stopped: " + e.getMessage());
            exit(started, stopped);
            return;
        }
        Duration playing = Duration.ofNanos(System.nanoTime() - playingAt);
        Duration total = Duration.ofNanos(System.nanoTime() - startedAt);
        printSummary(outcomes, playing, total, started != null, urls);
        if (started == null) {
            return;
        }
        stopped.await();
    }

    private static LocalPlatform start(LocalPlatformSettings settings, CountDownLatch stopped) {
        System.out.println("Starting Trustline (data in " + settings.dataDir() + ") …");
        LocalPlatform platform = new LocalPlatform(settings).supervised(report ->
                System.out.println("\n[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + report));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.stop();
            stopped.countDown();
        }, "trustline-stop"));
        try {
            platform.start();
        } catch (RuntimeException e) {
            System.err.println("\nTrustline did not start: " + e.getMessage());
            System.err.println("\nAll logs: " + settings.dataDir().resolve("logs"));
            System.exit(1);
        }
        return platform;
    }

    /** A platform the demo started stays up for a look at what did get in; otherwise exits with 1. */
    private static void exit(LocalPlatform started, CountDownLatch stopped) throws InterruptedException {
        if (started != null) {
            System.err.println("Trustline keeps running for a look (Ctrl-C stops it).");
            stopped.await();
            return;
        }
        System.exit(1);
    }

    private static void printSummary(List<Demo.StoryOutcome> outcomes, Duration playing, Duration total,
                                     boolean started, Map<String, String> urls) {
        System.out.printf("%nThe demo is in, played in %.1f s (%.1f s in all%s).%n%n", playing.toMillis() / 1000.0,
                total.toMillis() / 1000.0, started ? ", starting Trustline included" : "");
        System.out.println("  Console:  " + urls.get(LocalPlatformSettings.CONSOLE) + "/   sign in with the demo tenant's key:");
        System.out.println("  API key:  " + LocalPlatformSettings.DEMO_API_KEY + "   (tenant '"
                + LocalPlatformSettings.DEMO_TENANT + "'; curl -H 'Authorization: Bearer "
                + LocalPlatformSettings.DEMO_API_KEY + "' " + urls.get("relationship") + "/clients)");
        System.out.println();
        outcomes.forEach(outcome -> System.out.println("  " + outcome.line()));
        System.out.println("\nRunning the demo again adds nothing." + (started
                ? " Trustline keeps running; Ctrl-C stops it." : ""));
    }

    private static Path dataDir(String[] args) {
        Path dataDir = Path.of(".trustline-data");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                dataDir = Path.of(args[++i]);
            } else if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.println(USAGE);
                System.exit(0);
            } else {
                System.err.println("unknown argument " + args[i] + "\n" + USAGE);
                System.exit(2);
            }
        }
        return dataDir;
    }
}
