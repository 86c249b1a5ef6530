package io.trustline.bench;

import io.trustline.intake.api.IntakeTopics;
import io.trustline.local.LocalPlatform;
import io.trustline.local.LocalPlatformSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ./trustline bench streams}: notification alone on free ports with CLIENTS ops dashboards on its live stream
 * ({@code GET /streams/events}, every event of the tenant), fed intake's events straight on its topic: a burst of
 * EVENTS, then EVENTS/10 paced at RATE events/s. Reports events per second delivered across all clients, the delay
 * from each event's publish time (its CloudEvent {@code time}) to its arrival at each client, and notification's CPU
 * per event per client — next to as many plain Kafka consumers, in this JVM, reading the same kind of burst in the
 * same run. Figures, not assertions: they vary with the machine and its load, which is printed too.
 */
public final class LiveStreamBenchmark {

    private static final String API_KEY = "bench-streams-key";
    private static final String TENANT = "bench";
    private static final int ISSUE_CLIENTS = 250;
    private static final int WARM_UP_EVENTS = 200;
    private static final Duration GIVE_UP = Duration.ofMinutes(10);

    private final IntakeEvents events;
    private final long notificationPid;

    private LiveStreamBenchmark(IntakeEvents events, long notificationPid) {
        this.events = events;
        this.notificationPid = notificationPid;
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int burst = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        String loadBefore = loadAverage();
        Path dataDir = Files.createTempDirectory("trustline-bench-streams");
        LocalPlatform platform = new LocalPlatform(LocalPlatformSettings.forTests(dataDir, TENANT, API_KEY)
                .withServices("notification"));
        platform.start();
        try (IntakeEvents events = new IntakeEvents(platform.kafka().bootstrapServers(), TENANT)) {
            String bootstrap = platform.kafka().bootstrapServers();
            double produce = RawInfrastructure.kafkaProduceRate(bootstrap, "bench.raw", 20_000);
            double consume = RawInfrastructure.kafkaConsumeRate(bootstrap, "bench.raw", 20_000);
            LiveStreamBenchmark bench = new LiveStreamBenchmark(events, platform.service("notification").pid());
            // the topic exists before any reader looks for its partitions
            events.reportIssue("client-0", UUID.randomUUID().toString(), Instant.now(), Instant.now());
            events.flush();

            List<Result> results = new ArrayList<>();
            double idleCoresWithout;
            double idleCoresWith;
            try (KafkaFanOut kafka = new KafkaFanOut(bootstrap, IntakeTopics.EVENTS, clients)) {
                results.addAll(bench.phases("Kafka, " + clients + " consumers", kafka, clients, burst, rate));
                idleCoresWithout = bench.idleCores();
            }
            try (SseClients sse = new SseClients(platform.service("notification").baseUrl(), API_KEY, clients)) {
                results.addAll(bench.phases("SSE, " + clients + " clients", sse, clients, burst, rate));
                idleCoresWith = bench.idleCores();
            }

            System.out.printf("%nTrustline live stream fan-out benchmark (%d cores; load average %s before, %s after)%n",
                    Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage());
            System.out.printf("  raw Kafka produce (idempotent, acks=all, 500 B)     %8.0f rec/s%n", produce);
            System.out.printf("  raw Kafka consume, 1 consumer (from the beginning)  %8.0f rec/s%n", consume);
            System.out.printf("  %-34s %10s %10s %9s %9s %9s %14s%n", "", "received", "per s", "p50", "p99", "max",
                    "notif. CPU");
            for (Result result : results) {
                System.out.printf("  %-34s %10d %10.0f %6.1f ms %6.1f ms %6.1f ms %8.1f µs/ev/cl%n", result.name,
                        result.received, result.perSecond(), result.percentileMillis(50), result.percentileMillis(99),
                        result.maxMillis(), result.cpuMicrosPerReception());
            }
            System.out.printf("  notification idle, 3 s after the runs: %.1f %% of a core with no stream open, %.1f %% with"
                    + " %d%n", idleCoresWithout * 100, idleCoresWith * 100, clients);
            System.out.print("""
                    received: events x clients. per s: from the first publish to the last arrival (a paced row's
                    is its pace x clients). Delay: arrival in this JVM minus the CloudEvent time, set when the
                    event is handed to the producer. Notification's CPU in the Kafka rows is its webhook consumer
                    alone (no stream open); a paced SSE row's includes the open streams' idle polling.
                    """.indent(2));
        } finally {
            platform.stop();
            try (var paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Notification's CPU, in cores, over a quiet window after the runs: the cost of streams that carry nothing. */
    private double idleCores() throws InterruptedException {
        double cpuBefore = ProcessCpu.seconds(notificationPid);
        long start = System.nanoTime();
        Thread.sleep(3_000);
        return (ProcessCpu.seconds(notificationPid) - cpuBefore) / RawInfrastructure.seconds(start);
    }

    /** A warm-up burst (not reported), the burst, and the paced run (unless the rate is 0). */
    private List<Result> phases(String name, FanOut readers, int clients, int burst, int rate) throws Exception {
        publishAndAwait(name + ", warm-up", readers, clients, WARM_UP_EVENTS, 0);
        List<Result> results = new ArrayList<>();
        results.add(publishAndAwait(name + ", burst", readers, clients, burst, 0));
        if (rate > 0) {
            results.add(publishAndAwait(name + ", " + rate + "/s", readers, clients, Math.max(2, burst / 10), rate));
        }
        return results;
    }

    /**
     * Publishes {@code count} events (issues of two events each, so rounded up to even), at once or paced at
     * {@code rate} events/s, each timed when it is handed to the producer; returns once every reader has every one.
     */
    private Result publishAndAwait(String name, FanOut readers, int clients, int count, int rate) throws Exception {
        int issues = (count + 1) / 2;
        long expected = (long) issues * 2 * clients;
        readers.reset();
        double cpuBefore = ProcessCpu.seconds(notificationPid);
        long start = System.nanoTime();
        Instant resolveBy = Instant.now().plus(Duration.ofDays(1));
        for (int i = 0; i < issues; i++) {
            if (rate > 0) {
                LockSupport.parkNanos(start + i * 2L * 1_000_000_000L / rate - System.nanoTime());
            }
            events.reportIssue("client-" + (i % ISSUE_CLIENTS), UUID.randomUUID().toString(), Instant.now(), resolveBy);
        }
        events.flush();
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (readers.received() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + ": " + readers.received() + " of " + expected
                        + " receptions after " + GIVE_UP);
            }
            Thread.sleep(5);
        }
        double seconds = RawInfrastructure.seconds(start);
        if (readers.received() > expected) {
            throw new IllegalStateException(name + ": " + readers.received() + " receptions, expected " + expected);
        }
        return new Result(name, expected, seconds, ProcessCpu.seconds(notificationPid) - cpuBefore,
                readers.sortedDelaysMicros());
    }

    private record Result(String name, long received, double seconds, double cpuSeconds, long[] sortedDelaysMicros) {

        double perSecond() {
            return received / seconds;
        }

        double cpuMicrosPerReception() {
            return cpuSeconds * 1e6 / received;
        }

        double percentileMillis(int percentile) {
            int index = (int) Math.ceil(percentile / 100.0 * sortedDelaysMicros.length) - 1;
            return sortedDelaysMicros[Math.max(0, index)] / 1000.0;
        }

        double maxMillis() {
            return sortedDelaysMicros[sortedDelaysMicros.length - 1] / 1000.0;
        }
    }

    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }
}
