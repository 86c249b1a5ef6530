package io.trustline.bench;

import io.trustline.local.LocalPlatform;
import io.trustline.local.LocalPlatformSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./trustline bench [ISSUES [CALLERS [RATE]]]}: the whole platform on free ports, measured against the raw
 * broker and Mongo server of the same run. Reports POST and intake-to-timeline latency one issue at a time (idle)
 * and at a fixed offered load, then drives ISSUES issues through the fixed mix (report with expectation,
 * acknowledge, plan, two updates, resolve, confirm; one partner webhook endpoint subscribed to everything) with
 * CALLERS concurrent callers and reports throughput, CPU per issue across every process, and resident memory.
 * Figures, not assertions: they vary with the machine.
 */
public final class PlatformBenchmark {

    private static final String API_KEY = "bench-key";
    private static final int IDLE_ISSUES = 50;
    /** Issues worked through the mix before anything is measured, so no figure includes the JIT compiling the code. */
    private static final int WARM_UP_ISSUES = 200;
    private static final Duration IDLE = Duration.ofMillis(500);
    private static final int LATENCY_CLIENTS = 500;
    private static final Duration LOAD_DURATION = Duration.ofSeconds(20);
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final Duration SCORED_WITHIN = Duration.ofMinutes(2);

    private final LocalPlatform platform;
    private final PlatformApi api;
    private final PlatformProcesses processes;
    private final ConsumerLag lag;
    private final AtomicInteger clients = new AtomicInteger();

    private PlatformBenchmark(LocalPlatform platform) {
        this.platform = platform;
        this.api = new PlatformApi(platform.service("intake").baseUrl(), platform.service("incident").baseUrl(), API_KEY);
        this.processes = new PlatformProcesses(platform);
        this.lag = new ConsumerLag(platform.kafka().bootstrapServers());
    }

    public static void main(String[] args) throws Exception {
        int issues = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int callers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        Path dataDir = Files.createTempDirectory("trustline-bench");
        LocalPlatform platform = new LocalPlatform(LocalPlatformSettings.forTests(dataDir, "bench", API_KEY));
        long startedAt = System.nanoTime();
        platform.start();
        double startSeconds = RawInfrastructure.seconds(startedAt);
        try (PartnerReceiver partner = new PartnerReceiver()) {
            PlatformBenchmark bench = new PlatformBenchmark(platform);
            String bootstrap = platform.kafka().bootstrapServers();
            double produce = RawInfrastructure.kafkaProduceRate(bootstrap, "bench.raw", 20_000);
            double consume = RawInfrastructure.kafkaConsumeRate(bootstrap, "bench.raw", 20_000);
            double insert = RawInfrastructure.mongoInsertRate(platform.mongo().connectionString(), 3_000);
            new PartnerEndpoint(platform.service("notification").baseUrl(), API_KEY).subscribeToEverything(partner.url(0));

            System.out.printf("%nTrustline platform benchmark (%d cores; %d issues through the mix, %d callers; %d issues/s offered)%n",
                    Runtime.getRuntime().availableProcessors(), issues, callers, rate);
            System.out.printf("  platform start (broker, Mongo stand-in, 4 services ready)  %8.1f s%n", startSeconds);
            System.out.printf("  raw Kafka produce (idempotent, acks=all, 500 B)           %8.0f rec/s%n", produce);
            System.out.printf("  raw Kafka consume                                         %8.0f rec/s%n", consume);
            System.out.printf("  raw Mongo insertOne (stand-in, in memory)                 %8.0f doc/s%n", insert);
            long warmUpStart = System.nanoTime();
            bench.workThroughMix(WARM_UP_ISSUES, callers, "warm-up-client-");
            bench.awaitQuiet(warmUpStart, QUIET);
            System.out.printf("  warm-up, not measured: %d issues through the mix           %8.1f s%n", WARM_UP_ISSUES,
                    RawInfrastructure.seconds(warmUpStart));
            try (ScoreWatch scores = new ScoreWatch(bootstrap)) {
                bench.latencies("idle, one issue at a time", scores, bench.oneAtATime(IDLE_ISSUES, scores));
                Map<String, Double> cpuBeforeLoad = bench.processes.cpuSeconds();
                long loadStart = System.nanoTime();
                Collection<Sent> offered = bench.offeredLoad(rate, LOAD_DURATION);
                bench.latencies(rate + " issues/s offered for " + LOAD_DURATION.toSeconds() + " s", scores, offered);
                bench.awaitQuiet(loadStart, QUIET);
                // what one report costs decides how many a second these cores can carry at all
                bench.cpuPerIssue("CPU per report (the reports above, until every store was quiet)", cpuBeforeLoad,
                        offered.size());
            }
            bench.saturation(issues, callers, insert, produce);
            System.out.println("  resident memory after the run:");
            bench.processes.residentMib().forEach((name, mib) -> System.out.printf("    %-13s %6d MiB%n", name, mib));
        } finally {
            platform.stop();
            deleteRecursively(dataDir);
        }
    }

    private record Sent(String issueId, long sentAtNanos, long answeredAtNanos) {
    }

    /**
     * Reports issues one after another, each once the platform is idle: the previous one on its client's timeline and
     * no store appending any more (its incident opened, its deadlines scheduled, its webhooks delivered).
     */
    private List<Sent> oneAtATime(int count, ScoreWatch scores) throws Exception {
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            awaitQuiet(System.nanoTime(), IDLE);
            Sent one = report();
            sent.add(one);
            awaitUntil(() -> scores.scoredAt(one.issueId()) != null, Duration.ofSeconds(30), "issue " + one.issueId() + " scored");
        }
        return sent;
    }

    /** Reports issues at a fixed rate, whether or not earlier ones were answered (an open loop, as PSAs send). */
    private Collection<Sent> offeredLoad(int perSecond, Duration duration) throws Exception {
        Collection<Sent> sent = ConcurrentHashMap.newKeySet();
        ExecutorService senders = Executors.newFixedThreadPool(32);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        List<Future<?>> calls = java.util.Collections.synchronizedList(new ArrayList<>());
        long total = perSecond * duration.toSeconds();
        AtomicInteger scheduled = new AtomicInteger();
        clock.scheduleAtFixedRate(() -> {
            if (scheduled.incrementAndGet() <= total) {
                calls.add(senders.submit(() -> sent.add(report())));
            }
        }, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
        awaitUntil(() -> calls.size() >= total, duration.plusSeconds(30), "all issues sent");
        clock.shutdown();
        for (Future<?> call : new ArrayList<>(calls)) {
            call.get();
        }
        senders.shutdown();
        return sent;
    }

    private Sent report() throws Exception {
        long sentAt = System.nanoTime();
        // a tenant's clients report again and again: their histories stay warm in the relationship service, as in
        // production; the first issue of each of them is scored from a cold history
        String issueId = api.reportIssue("latency-client-" + clients.incrementAndGet() % LATENCY_CLIENTS);
        return new Sent(issueId, sentAt, System.nanoTime());
    }

    private void latencies(String load, ScoreWatch scores, Collection<Sent> sent) throws Exception {
        long deadline = System.nanoTime() + SCORED_WITHIN.toNanos();
        while (System.nanoTime() < deadline && !sent.stream().allMatch(one -> scores.scoredAt(one.issueId()) != null)) {
            Thread.sleep(10);
        }
        long unscored = sent.stream().filter(one -> scores.scoredAt(one.issueId()) == null).count();
        System.out.printf("  %s:%n", load);
        System.out.printf("    POST /issues                      %s%n",
                Percentiles.ofMicros(sent.stream().map(one -> (one.answeredAtNanos() - one.sentAtNanos()) / 1000).toList()));
        System.out.printf("    relay lag, 201 -> on Kafka        %s%n", Percentiles.ofMicros(sent.stream()
                .filter(one -> scores.publishedAt(one.issueId()) != null)
                .map(one -> Math.max(0, scores.publishedAt(one.issueId()) - one.answeredAtNanos()) / 1000).toList()));
        if (unscored > 0) {
            // the scoring fell behind the offered load: percentiles of the scored ones alone would flatter it
            System.out.printf("    intake -> timeline: %d of %d issues not on the timeline %d s after the last was sent%n",
                    unscored, sent.size(), SCORED_WITHIN.toSeconds());
            return;
        }
        System.out.printf("    intake -> timeline (POST sent -> score change published) %s%n", Percentiles.ofMicros(sent.stream()
                .map(one -> (scores.scoredAt(one.issueId()) - one.sentAtNanos()) / 1000).toList()));
        if (sent instanceof List<Sent> inOrder) {
            // an outlier is worth a look: where in the run it came, and which leg it was
            Sent slowest = inOrder.stream().max(Comparator.comparingLong(one -> scores.scoredAt(one.issueId()) - one.sentAtNanos()))
                    .orElseThrow();
            Long published = scores.publishedAt(slowest.issueId());
            System.out.printf("    slowest: issue %d of %d; POST sent -> on intake's topic %.1f ms -> score change %.1f ms%n",
                    inOrder.indexOf(slowest) + 1, inOrder.size(),
                    published == null ? Double.NaN : (published - slowest.sentAtNanos()) / 1e6,
                    published == null ? Double.NaN : (scores.scoredAt(slowest.issueId()) - published) / 1e6);
        }
    }

    /** The fixed mix at saturation: CALLERS callers, each working its share of issues one after another. */
    private void saturation(int issues, int callers, double rawInsert, double rawProduce) throws Exception {
        Map<String, Double> cpuBefore = processes.cpuSeconds();
        long storedBefore = processes.eventsStored();
        long start = System.nanoTime();
        workThroughMix(issues, callers, "mix-client-");
        double mixSeconds = RawInfrastructure.seconds(start);
        double drainedSeconds = awaitQuiet(start, QUIET);
        long stored = processes.eventsStored() - storedBefore;
        Map<String, Double> cpuAfter = processes.cpuSeconds();

        double issuesPerSecond = issues / mixSeconds;
        double eventsPerSecond = stored / drainedSeconds;
        System.out.printf("  the mix at saturation (%d issues, %d callers, 8 commands each):%n", issues, callers);
        System.out.printf("    issues worked through                     %8.1f issues/s  (%.1f s)%n", issuesPerSecond, mixSeconds);
        System.out.printf("    events appended, all four stores          %8.0f events/s  (%d events, %.1f per issue, drained after %.1f s)%n",
                eventsPerSecond, stored, (double) stored / issues, drainedSeconds);
        System.out.printf("    appended events / raw Mongo inserts       %8.2f%n", eventsPerSecond / rawInsert);
        System.out.printf("    appended events / raw Kafka produce       %8.3f%n", eventsPerSecond / rawProduce);
        printCpuPerIssue("CPU per issue, all processes", cpuBefore, cpuAfter, issues);
    }

    private void cpuPerIssue(String what, Map<String, Double> cpuBefore, int issues) {
        printCpuPerIssue(what, cpuBefore, processes.cpuSeconds(), issues);
    }

    private static void printCpuPerIssue(String what, Map<String, Double> cpuBefore, Map<String, Double> cpuAfter,
                                         int issues) {
        double cpuTotal = cpuAfter.entrySet().stream().mapToDouble(e -> e.getValue() - cpuBefore.get(e.getKey())).sum();
        System.out.printf("    %-41s %8.1f ms%n", what, cpuTotal * 1000 / issues);
        cpuAfter.forEach((name, seconds) -> System.out.printf("      %-13s %7.1f ms%n", name,
                (seconds - cpuBefore.get(name)) * 1000 / issues));
    }

    /** CALLERS callers, each working its share of the issues through the mix one after another. */
    private void workThroughMix(int issues, int callers, String clientPrefix) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            workers.add(pool.submit(() -> {
                int issue;
                while ((issue = next.incrementAndGet()) <= issues) {
                    api.workIncident(api.reportIssue(clientPrefix + (issue % 200)));
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
    }

    /**
     * Waits until no store has appended for {@code quiet} and every consumer group has caught up (relays, consumers,
     * scoring, deliveries done); returns the seconds from {@code startNanos} to the last append seen.
     */
    private double awaitQuiet(long startNanos, Duration quiet) throws InterruptedException {
        long last = processes.eventsStored();
        long quietSince = System.nanoTime();
        long lastChange = quietSince;
        long giveUp = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() - quietSince < quiet.toNanos()) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("the event stores still append, or the consumers still lag, after 5 minutes");
            }
            Thread.sleep(100);
            long now = processes.eventsStored();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
                lastChange = quietSince;
            } else if (System.nanoTime() - quietSince >= quiet.toNanos() && lag.records() > 0) {
                // the stores are still, but a consumer is still working through its backlog (scoring stores no event)
                quietSince = System.nanoTime();
            }
        }
        return (lastChange - startNanos) / 1e9;
    }

    private static void awaitUntil(java.util.function.BooleanSupplier done, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not " + what + " after " + timeout);
            }
            Thread.sleep(2);
        }
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
