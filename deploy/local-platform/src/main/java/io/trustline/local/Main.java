package io.trustline.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./trustline run [--data-dir DIR]}: starts the platform with the development tenant, prints where
 * everything is, supervises it (a process that dies is reported and restarted), and stops it all on Ctrl-C.
 * Exits with 1 and the failing process's log tail if anything does not start.
 */
public final class Main {

    static final String USAGE = "usage: ./trustline run [--data-dir DIR]   (API key: env TRUSTLINE_DEV_API_KEY, default "
            + LocalPlatformSettings.DEV_API_KEY + ")";

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dataDir = dataDir(args).toAbsolutePath().normalize();
        String apiKey = System.getenv().getOrDefault("TRUSTLINE_DEV_API_KEY", LocalPlatformSettings.DEV_API_KEY);
        LocalPlatform platform = new LocalPlatform(LocalPlatformSettings.localRun(dataDir, apiKey))
                .supervised(Main::printReport);

        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (running.get()) {
                System.out.println("\nStopping Trustline…");
            }
            platform.stop();
            stopped.countDown();
        }, "trustline-stop"));

        System.out.println("Starting Trustline (data in " + dataDir + ") …");
        long startedAt = System.nanoTime();
        try {
            platform.start();
        } catch (RuntimeException e) {
            running.set(false);
            System.err.println("\nTrustline did not start: " + e.getMessage());
            System.err.println("\nAll logs: " + dataDir.resolve("logs"));
            System.exit(1);
        }
        printSummary(platform, apiKey, Duration.ofNanos(System.nanoTime() - startedAt));
        stopped.await();
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

    private static void printReport(String report) {
        System.out.println("\n[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + report);
    }

    /** What a newcomer opens first, printed first: the console. */
    private static String startHere(LocalPlatform platform) {
        return platform.service(LocalPlatformSettings.CONSOLE).baseUrl() + "   (the console: sign in with the API key below)";
    }

    private static void printSummary(LocalPlatform platform, String apiKey, Duration took) {
        System.out.printf("%nTrustline is up in %.1f s.%n%n", took.toMillis() / 1000.0);
        System.out.println("  Start here: " + startHere(platform) + "\n");
        System.out.printf("  %-13s %-26s %-36s %s%n", "service", "API", "Swagger UI", "health");
        for (ServiceProcess service : platform.services()) {
            if (service.name().equals(LocalPlatformSettings.CONSOLE)) {
                System.out.printf("  %-13s %-63s %s   (pid %d, %d MiB)%n", service.name(), service.baseUrl(),
                        service.baseUrl() + "/q/health/ready", service.pid(), service.residentKib() / 1024);
                continue;
            }
            System.out.printf("  %-13s %-26s %-36s %s   (pid %d, %d MiB)%n", service.name(), service.baseUrl(),
                    service.baseUrl() + "/q/swagger-ui", service.baseUrl() + "/q/health/ready", service.pid(),
                    service.residentKib() / 1024);
        }
        System.out.printf("  %-13s %-26s (pid %d, %d MiB)%n", "kafka", platform.kafka().bootstrapServers(),
                platform.kafka().process().pid(), platform.kafka().process().residentKib() / 1024);
        System.out.printf("  %-13s %-26s (pid %d, %d MiB)%n", "mongo", platform.mongo().connectionString(),
                platform.mongo().process().pid(), platform.mongo().process().residentKib() / 1024);
        System.out.printf("%nTenant '%s'. Send its API key with every call:%n  curl -H 'Authorization: Bearer %s' …%n",
                platform.settings().tenantId(), apiKey);
        System.out.println("\nLogs: " + platform.settings().dataDir().resolve("logs") + ". A process that stops on its own is"
                + " reported here and restarted. Ctrl-C stops everything.");
    }
}
