package io.trustline.bench;

import io.trustline.intake.api.IntakeTopics;
import io.trustline.local.LocalPlatform;
import io.trustline.local.LocalPlatformSettings;
import io.trustline.local.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code ./trustline bench}: starts the platform on free ports and reports, against the raw broker and
 * Mongo server measured in the same run, how fast issues are appended and how long the outbox relay
 * takes to put them on Kafka. Figures, not assertions: they vary with the machine.
 */
public final class SkeletonBenchmark {

    private static final String API_KEY = "bench-key";
    private static final Pattern ISSUE_ID = Pattern.compile("\"issueId\":\"([^\"]+)\"");

    private SkeletonBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int issues = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path dataDir = Files.createTempDirectory("trustline-bench");
        LocalPlatform platform = new LocalPlatform(LocalPlatformSettings.forTests(dataDir, "bench", API_KEY));
        long startedAt = System.nanoTime();
        platform.start();
        double startSeconds = RawInfrastructure.seconds(startedAt);
        try {
            String bootstrap = platform.kafka().bootstrapServers();
            double produce = RawInfrastructure.kafkaProduceRate(bootstrap, "bench.raw", 20_000);
            double consume = RawInfrastructure.kafkaConsumeRate(bootstrap, "bench.raw", 20_000);
            double insert = RawInfrastructure.mongoInsertRate(platform.mongo().connectionString(), 3_000);

            Map<String, Long> publishedAtNanos = new ConcurrentHashMap<>();
            Thread watcher = watchIntakeTopic(bootstrap, publishedAtNanos);
            Map<String, Long> acceptedAtNanos = new ConcurrentHashMap<>();
            long appendStart = System.nanoTime();
            reportIssues(platform.service("intake").baseUrl(), issues, concurrency, acceptedAtNanos);
            double appendSeconds = RawInfrastructure.seconds(appendStart);
            awaitAllPublished(acceptedAtNanos, publishedAtNanos);
            watcher.interrupt();

            List<Long> lagsMicros = new ArrayList<>();
            acceptedAtNanos.forEach((issueId, accepted) ->
                    lagsMicros.add((publishedAtNanos.get(issueId) - accepted) / 1000));
            Collections.sort(lagsMicros);
            double issuesPerSecond = issues / appendSeconds;
            double eventsPerSecond = 2 * issuesPerSecond;

            System.out.printf("%nTrustline walking-skeleton benchmark (%d issues, %d concurrent callers, %d cores)%n",
                    issues, concurrency, Runtime.getRuntime().availableProcessors());
            System.out.printf("  platform start (broker, Mongo stand-in, 4 services ready)  %8.1f s%n", startSeconds);
            System.out.printf("  raw Kafka produce (idempotent, acks=all, 500 B)           %8.0f rec/s%n", produce);
            System.out.printf("  raw Kafka consume                                         %8.0f rec/s%n", consume);
            System.out.printf("  raw Mongo insertOne (stand-in, in memory)                 %8.0f doc/s%n", insert);
            System.out.printf("  POST /issues accepted                                     %8.0f issues/s%n", issuesPerSecond);
            System.out.printf("  events appended (2 per issue)                             %8.0f events/s%n", eventsPerSecond);
            System.out.printf("  appended events / raw Mongo inserts                       %8.2f%n", eventsPerSecond / insert);
            System.out.printf("  appended events / raw Kafka produce                       %8.3f%n", eventsPerSecond / produce);
            System.out.printf("  relay lag, 201 -> IssueReported on Kafka  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%n",
                    percentile(lagsMicros, 50) / 1000.0, percentile(lagsMicros, 95) / 1000.0,
                    lagsMicros.get(lagsMicros.size() - 1) / 1000.0);
            System.out.println("  resident memory after the run:");
            for (ServiceProcess service : platform.services()) {
                System.out.printf("    %-13s %6d MiB%n", service.name(), service.residentKib() / 1024);
            }
            System.out.printf("    %-13s %6d MiB%n", "kafka", platform.kafka().process().residentKib() / 1024);
            System.out.printf("    %-13s %6d MiB%n", "mongo", platform.mongo().process().residentKib() / 1024);
        } finally {
            platform.stop();
            deleteRecursively(dataDir);
        }
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static void reportIssues(String intakeUrl, int issues, int concurrency, Map<String, Long> acceptedAtNanos)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService callers = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < issues; i++) {
                String clientId = "client-" + (i % 200);
                calls.add(callers.submit(() -> {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(intakeUrl + "/issues"))
                            .header("Authorization", "Bearer " + API_KEY)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body(clientId), StandardCharsets.UTF_8))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    long accepted = System.nanoTime();
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException("POST /issues answered " + response.statusCode() + ": " + response.body());
                    }
                    Matcher id = ISSUE_ID.matcher(response.body());
                    if (!id.find()) {
                        throw new IllegalStateException("no issueId in " + response.body());
                    }
                    acceptedAtNanos.put(id.group(1), accepted);
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            callers.shutdown();
        }
    }

    private static Thread watchIntakeTopic(String bootstrap, Map<String, Long> publishedAtNanos) throws InterruptedException {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-watch-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(IntakeTopics.EVENTS));
        java.util.concurrent.CountDownLatch assigned = new java.util.concurrent.CountDownLatch(1);
        Thread watcher = new Thread(() -> {
            try (consumer) {
                while (!Thread.currentThread().isInterrupted()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                        long seen = System.nanoTime();
                        Matcher id = ISSUE_ID.matcher(record.value());
                        if (id.find() && record.value().contains("\"summary\"")) {
                            publishedAtNanos.putIfAbsent(id.group(1), seen);
                        }
                    }
                    if (!consumer.assignment().isEmpty()) {
                        assigned.countDown();
                    }
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-watch");
        watcher.start();
        assigned.await();
        return watcher;
    }

    private static void awaitAllPublished(Map<String, Long> accepted, Map<String, Long> published) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!published.keySet().containsAll(accepted.keySet())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException((accepted.size() - published.size()) + " issues never reached Kafka");
            }
            Thread.sleep(50);
        }
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static String body(String clientId) {
        return """
                {"clientId": "%s", "summary": "Payroll server unreachable", "reportedBy": {"name": "Dana Office"},
                 "expectation": {"who": {"scope": "EVERYONE"}, "what": {"impact": "STOPPED"},
                   "when": {"resolveBy": "2099-12-01T12:00:00Z"}, "where": {"location": "HQ", "workMode": "ON_SITE"},
                   "how": {"resolvedWhen": "payroll runs"}}}
                """.formatted(clientId);
    }
}
