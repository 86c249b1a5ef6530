package io.trustline.bench;

import io.trustline.local.LocalPlatform;
import io.trustline.local.LocalPlatformSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code ./trustline bench deadlines [INCIDENTS [LEAD_SECONDS]]}: the incident service alone, INCIDENTS open
 * incidents whose acknowledgement deadlines all fall due within one minute; reports what scheduling them cost
 * and how late after its due instant each {@code ResponseTargetMissed} reached Kafka, next to the raw broker
 * and Mongo server measured in the same run. Figures, not assertions.
 *
 * <p>The reports are dated in the past minute and the tenant's acknowledgement target is chosen so that the
 * first deadline falls due on the first whole minute at least LEAD_SECONDS after publishing starts, the last
 * one 60 s later: LEAD_SECONDS (default 60 + INCIDENTS / 10, from about 13 incidents/s on two busy cores) must
 * cover scheduling them all, and the table says whether it did.
 */
public final class DeadlineBenchmark {

    private static final String TENANT = "bench";
    private static final String API_KEY = "bench-deadlines-key";
    // the smallest poll interval JobRunr accepts (its storage providers refuse less): it bounds the lag
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(5);
    private static final Duration SPREAD = Duration.ofMinutes(1);
    private static final Duration STALLED_AFTER = Duration.ofMinutes(3);
    private static final int CLIENTS = 200;

    private DeadlineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int incidents = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Duration lead = args.length > 1 ? Duration.ofSeconds(Long.parseLong(args[1]))
                : Duration.ofSeconds(60 + incidents / 10);
        Path dataDir = Files.createTempDirectory("trustline-bench-deadlines");
        LocalPlatform platform = new LocalPlatform(LocalPlatformSettings.forTests(dataDir, TENANT, API_KEY)
                .withServices("incident")
                .withServiceConfig(Map.of("trustline.deadlines.poll-interval", POLL_INTERVAL.toString())));
        long startedAt = System.nanoTime();
        platform.start();
        double startSeconds = RawInfrastructure.seconds(startedAt);
        try {
            run(platform, incidents, lead, startSeconds);
        } finally {
            platform.stop();
            deleteRecursively(dataDir);
        }
    }

    private static void run(LocalPlatform platform, int incidents, Duration lead, double startSeconds) throws Exception {
        String bootstrap = platform.kafka().bootstrapServers();
        String mongo = platform.mongo().connectionString();
        double produce = RawInfrastructure.kafkaProduceRate(bootstrap, "bench.raw", 20_000);
        double consume = RawInfrastructure.kafkaConsumeRate(bootstrap, "bench.raw", 20_000);
        double insert = RawInfrastructure.mongoInsertRate(mongo, 3_000);
        long pid = platform.service("incident").pid();
        long mongoPid = platform.mongo().process().pid();

        try (IncidentEventsWatch watch = new IncidentEventsWatch(bootstrap);
             IntakeEvents intake = new IntakeEvents(bootstrap, TENANT)) {
            Instant now = Instant.now();
            Instant firstDue = now.plus(lead).truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
            // reported in the minute before now, so every report lies in the past and every deadline in the future
            Duration acknowledge = Duration.ofSeconds(Duration.between(now, firstDue).plus(SPREAD).toSeconds() + 1);
            Instant firstReported = firstDue.minus(acknowledge);
            ResponsePolicyCall.acknowledgeStoppedForEveryoneWithin(platform.service("incident").baseUrl(), API_KEY,
                    acknowledge);

            double cpuBeforeScheduling = ProcessCpu.seconds(pid);
            double mongoCpuBeforeScheduling = ProcessCpu.seconds(mongoPid);
            Instant publishStart = Instant.now();
            Map<String, Instant> dueAt = new LinkedHashMap<>();
            for (int i = 0; i < incidents; i++) {
                String issueId = UUID.randomUUID().toString();
                Instant reportedAt = firstReported.plusMillis(SPREAD.toMillis() * i / incidents);
                dueAt.put(issueId, reportedAt.plus(acknowledge));
                intake.reportIssue("client-" + (i % CLIENTS), issueId, reportedAt, firstDue.plus(Duration.ofDays(1)));
            }
            intake.flush();
            Duration publishing = Duration.between(publishStart, Instant.now());
            Instant lastScheduled = awaitTargetsSet(watch, dueAt.keySet());
            double cpuScheduling = ProcessCpu.seconds(pid) - cpuBeforeScheduling;
            double mongoCpuScheduling = ProcessCpu.seconds(mongoPid) - mongoCpuBeforeScheduling;
            Duration scheduling = Duration.between(publishStart, lastScheduled);
            JobRunrScan.Timing scan = JobRunrScan.time(mongo, "trustline-incident", POLL_INTERVAL, 5);

            // JobRunr enqueues what falls due within the next poll, so firing may start a poll before the first due
            sleepUntil(firstDue.minus(POLL_INTERVAL).minusSeconds(1));
            double cpuBeforeFiring = ProcessCpu.seconds(pid);
            double mongoCpuBeforeFiring = ProcessCpu.seconds(mongoPid);
            Instant lastSeen = awaitMissed(watch, dueAt.keySet(), firstDue.plus(SPREAD));
            double cpuFiring = ProcessCpu.seconds(pid) - cpuBeforeFiring;
            double mongoCpuFiring = ProcessCpu.seconds(mongoPid) - mongoCpuBeforeFiring;
            // late duplicates would come a poll or a retry later
            Thread.sleep(POLL_INTERVAL.multipliedBy(3).toMillis());
            Firing firing = Firing.of(watch.acknowledgementsMissed(), dueAt);

            System.out.printf("%nTrustline deadline benchmark (%d incidents, acknowledgement due in %s .. +%d s, "
                            + "JobRunr poll %d s, %d cores)%n", incidents, firstDue, SPREAD.toSeconds(),
                    POLL_INTERVAL.toSeconds(), Runtime.getRuntime().availableProcessors());
            System.out.printf("  platform start (broker, Mongo stand-in, incident service)      %8.1f s%n", startSeconds);
            System.out.printf("  raw Kafka produce (idempotent, acks=all, 500 B)                %8.0f rec/s%n", produce);
            System.out.printf("  raw Kafka consume                                              %8.0f rec/s%n", consume);
            System.out.printf("  raw Mongo insertOne (stand-in, in memory)                      %8.0f doc/s  (%.2f ms each)%n",
                    insert, 1000 / insert);
            System.out.printf("  intake events published (2 per incident)                       %8.1f s%n", seconds(publishing));
            System.out.printf("  scheduling: publish -> all ResponseTargetsSet on Kafka         %8.1f s  (%.2f ms/incident, "
                    + "%.0f incidents/s)%n", seconds(scheduling), millis(scheduling) / incidents, incidents / seconds(scheduling));
            System.out.printf("    wall per incident / raw Mongo insertOne                      %8.1f%n",
                    millis(scheduling) / incidents / (1000 / insert));
            System.out.printf("    incident-service CPU                                         %8.1f s  (%.2f ms/incident)%n",
                    cpuScheduling, cpuScheduling * 1000 / incidents);
            System.out.printf("    Mongo stand-in CPU                                           %8.1f s  (%.2f ms/incident)%n",
                    mongoCpuScheduling, mongoCpuScheduling * 1000 / incidents);
            System.out.printf("    finished before the first due instant                        %8s  (%+.1f s)%n",
                    lastScheduled.isBefore(firstDue.minus(POLL_INTERVAL)) ? "yes" : "NO",
                    seconds(Duration.between(lastScheduled, firstDue)));
            System.out.printf("  JobRunr jobs stored / SCHEDULED                                %8d / %d%n", scan.jobs(), scan.scheduled());
            System.out.printf("  JobRunr due-jobs query (no indexes: SKIP_CREATE), per poll     %8.1f ms  (%d due)%n",
                    scan.queryMillis(), scan.found());
            System.out.printf("  firing: ResponseTargetMissed(ACKNOWLEDGE) seen                 %8d  (distinct %d, duplicates %d, "
                    + "missing %d, due instant differs %d)%n", firing.seen(), firing.distinct(), firing.duplicates(),
                    firing.missing(), firing.wrongDueAt());
            System.out.printf("    lag, due instant -> seen on Kafka  p50 %7.0f ms  p99 %7.0f ms  max %7.0f ms  min %7.0f ms%n",
                    firing.percentile(50), firing.percentile(99), firing.max(), firing.min());
            System.out.printf("    fired before their due instant                               %8d%n", firing.early());
            System.out.printf("    p50 lag / poll interval                                      %8.2f%n",
                    firing.percentile(50) / POLL_INTERVAL.toMillis());
            System.out.printf("    last seen after the last due instant                         %8.1f s  (%.0f fired/s over the "
                    + "burst)%n", seconds(Duration.between(firstDue.plus(SPREAD), lastSeen)),
                    firing.distinct() / Math.max(1e-3, seconds(Duration.between(firstDue, lastSeen))));
            System.out.printf("    incident-service CPU                                         %8.1f s  (%.2f ms/deadline)%n",
                    cpuFiring, cpuFiring * 1000 / Math.max(1, firing.distinct()));
            System.out.printf("    Mongo stand-in CPU                                           %8.1f s  (%.2f ms/deadline)%n",
                    mongoCpuFiring, mongoCpuFiring * 1000 / Math.max(1, firing.distinct()));
            System.out.printf("  incident service resident memory after the run                 %8d MiB%n",
                    platform.service("incident").residentKib() / 1024);
        }
    }

    /** Waits until every incident's targets are on Kafka, or no new one came for a while; returns the last one's moment. */
    private static Instant awaitTargetsSet(IncidentEventsWatch watch, Set<String> issueIds) throws InterruptedException {
        int seen = -1;
        Instant progressAt = Instant.now();
        while (!watch.targetsSetSeen().keySet().containsAll(issueIds)) {
            int now = watch.targetsSetSeen().size();
            if (now != seen) {
                seen = now;
                progressAt = Instant.now();
            } else if (Instant.now().isAfter(progressAt.plus(STALLED_AFTER))) {
                throw new IllegalStateException("only " + now + " of " + issueIds.size() + " incidents got their targets");
            }
            Thread.sleep(50);
        }
        return watch.targetsSetSeen().values().stream().max(Comparator.naturalOrder()).orElseThrow();
    }

    /** Waits until every incident's acknowledgement was seen missed, or none came for a while after the last due. */
    private static Instant awaitMissed(IncidentEventsWatch watch, Set<String> issueIds, Instant lastDue)
            throws InterruptedException {
        int seen = -1;
        Instant progressAt = Instant.now();
        while (distinct(watch.acknowledgementsMissed()).size() < issueIds.size()) {
            int now = watch.acknowledgementsMissedCount();
            if (now != seen) {
                seen = now;
                progressAt = Instant.now();
            } else if (Instant.now().isAfter(lastDue) && Instant.now().isAfter(progressAt.plus(STALLED_AFTER))) {
                break;
            }
            Thread.sleep(200);
        }
        return watch.acknowledgementsMissed().stream().map(IncidentEventsWatch.Missed::seenAt)
                .max(Comparator.naturalOrder()).orElse(Instant.now());
    }

    private static Set<String> distinct(List<IncidentEventsWatch.Missed> missed) {
        Set<String> ids = new HashSet<>();
        missed.forEach(m -> ids.add(m.issueId()));
        return ids;
    }

    /** The fired deadlines: the first sighting of each incident's, and what went wrong. */
    private record Firing(int seen, int distinct, int duplicates, int missing, int wrongDueAt, int early,
                          List<Long> lagsMillis) {

        static Firing of(List<IncidentEventsWatch.Missed> missed, Map<String, Instant> dueAt) {
            Set<String> firstSeen = new HashSet<>();
            List<Long> lags = new ArrayList<>();
            int wrongDueAt = 0;
            int early = 0;
            for (IncidentEventsWatch.Missed m : missed) {
                if (!dueAt.containsKey(m.issueId()) || !firstSeen.add(m.issueId())) {
                    continue;
                }
                if (!m.dueAt().equals(dueAt.get(m.issueId()))) {
                    wrongDueAt++;
                }
                long lag = Duration.between(dueAt.get(m.issueId()), m.seenAt()).toMillis();
                early += lag < 0 ? 1 : 0;
                lags.add(lag);
            }
            Collections.sort(lags);
            return new Firing(missed.size(), firstSeen.size(), missed.size() - firstSeen.size(),
                    dueAt.size() - firstSeen.size(), wrongDueAt, early, lags);
        }

        double percentile(int percent) {
            return lagsMillis.isEmpty() ? Double.NaN
                    : lagsMillis.get(Math.min(lagsMillis.size() - 1, (int) Math.ceil(percent / 100.0 * lagsMillis.size()) - 1));
        }

        double max() {
            return lagsMillis.isEmpty() ? Double.NaN : lagsMillis.get(lagsMillis.size() - 1);
        }

        double min() {
            return lagsMillis.isEmpty() ? Double.NaN : lagsMillis.get(0);
        }
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
