package io.trustline.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./trustline run}: starts the platform with the development tenant, prints where everything is,
 * and stops it all on Ctrl-C.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dataDir = Path.of(".trustline-data");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                dataDir = Path.of(args[++i]);
            } else {
                System.err.println("usage: ./trustline run [--data-dir DIR]");
                System.exit(2);
            }
        }
        String apiKey = System.getenv().getOrDefault("TRUSTLINE_DEV_API_KEY", LocalPlatformSettings.DEV_API_KEY);
        LocalPlatform platform = new LocalPlatform(LocalPlatformSettings.localRun(dataDir.toAbsolutePath(), apiKey));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Trustline…");
            platform.stop();
            stopped.countDown();
        }, "trustline-stop"));

        System.out.println("Starting Trustline (data in " + dataDir.toAbsolutePath() + ") …");
        long started = System.nanoTime();
        try {
            platform.start();
        } catch (RuntimeException e) {
            System.err.println("Trustline did not start: " + e.getMessage());
            System.exit(1);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        printSummary(platform, apiKey, took);
        stopped.await();
    }

    private static void printSummary(LocalPlatform platform, String apiKey, Duration took) {
        System.out.printf("%nTrustline is up in %.1f s.%n%n", took.toMillis() / 1000.0);
        System.out.printf("  %-13s %-24s %s%n", "service", "API", "Swagger UI");
        for (ServiceProcess service : platform.services()) {
            System.out.printf("  %-13s %-24s %s/q/swagger-ui   (pid %d, %d MiB)%n", service.name(), service.baseUrl(),
                    service.baseUrl(), service.pid(), service.residentKib() / 1024);
        }
        System.out.printf("  %-13s %s   (pid %d, %d MiB)%n", "kafka", platform.kafka().bootstrapServers(),
                platform.kafka().process().pid(), platform.kafka().process().residentKib() / 1024);
        System.out.printf("  %-13s %s   (pid %d, %d MiB)%n", "mongo", platform.mongo().connectionString(),
                platform.mongo().process().pid(), platform.mongo().process().residentKib() / 1024);
        System.out.printf("%nTenant '%s'. Send its API key with every call:%n  -H 'Authorization: Bearer %s'%n",
                LocalPlatformSettings.DEV_TENANT, apiKey);
        System.out.println("\nHealth: <service>/q/health/ready · Logs: <data dir>/logs/ · Ctrl-C stops everything.");
    }
}
