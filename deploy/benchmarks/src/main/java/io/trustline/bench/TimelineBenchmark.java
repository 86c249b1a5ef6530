package io.trustline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.trustline.incident.api.IncidentTopics;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.local.LocalPlatform;
import io.trustline.local.LocalPlatformSettings;
import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.ScoringEngine;
import io.trustline.relationship.scoring.model.ScoringModel;
import io.trustline.relationship.scoring.model.ScoringModelFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;

/**
 * {@code ./trustline bench timelines [CLIENTS [EVENTS [BIG_CLIENTS [BIG_BUDGET_SECONDS]]]]}: the relationship service
 * alone and its live scored timeline. Figures, not assertions:
 * <ol>
 *   <li>live projection: CLIENTS x EVENTS catalog events (default 1 000 x 200; intake and incident events, see
 *   {@link CatalogHistories}) published straight onto the topics the projection consumes, timed until every
 *   client's summary counts all its events; next to it a plain KafkaConsumer reading the same records;</li>
 *   <li>re-scoring on a model switch: a copy of the built-in model with other weights stored and made active, timed
 *   until the switch is DONE; next to it the scoring engine alone over the same histories, in this process;</li>
 *   <li>reads: one client per size in BIG_CLIENTS (default {@code 2000,50000}; {@code 0} skips) published and
 *   projected (at most BIG_BUDGET_SECONDS each, default 1800: how far it got is reported), then
 *   {@code GET /clients/{id}/timeline} (default page and {@code limit=1000}) and {@code GET /clients/{id}/churn-risk},
 *   200 times each, p50/p99.</li>
 * </ol>
 * CLIENTS 0 skips the first two.
 */
public final class TimelineBenchmark {

    private static final String TENANT = "bench";
    private static final String API_KEY = "bench-timelines-key";
    private static final String DATABASE = "trustline-relationship";
    private static final Duration STALLED_AFTER = Duration.ofMinutes(3);
    private static final Duration REPORT_EVERY = Duration.ofMinutes(1);
    private static final int READS = 200;
    private static final int WARM_UP_READS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalPlatform platform;
    private final String baseUrl;
    private final long pid;
    private final long mongoPid;
    private final HttpClient http = HttpClient.newHttpClient();

    private TimelineBenchmark(LocalPlatform platform) {
        this.platform = platform;
        this.baseUrl = platform.service("relationship").baseUrl();
        this.pid = platform.service("relationship").pid();
        this.mongoPid = platform.mongo().process().pid();
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int[] bigClients = Arrays.stream((args.length > 2 ? args[2] : "2000,50000").split(","))
                .mapToInt(Integer::parseInt).filter(size -> size > 0).toArray();
        Duration bigBudget = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 1800);

        Path dataDir = Files.createTempDirectory("trustline-bench-timelines");
        LocalPlatform platform = new LocalPlatform(LocalPlatformSettings.forTests(dataDir, TENANT, API_KEY)
                .withServices("relationship"));
        long startedAt = System.nanoTime();
        platform.start();
        double startSeconds = RawInfrastructure.seconds(startedAt);
        TimelineBenchmark bench = new TimelineBenchmark(platform);
        // each row is printed as it is measured: the full-size run takes hours
        System.out.printf("%nTrustline scored-timeline benchmark (%d clients x %d events, big clients %s, budget %d s each, "
                        + "%d cores)%n", clients, events, Arrays.toString(bigClients), bigBudget.toSeconds(),
                Runtime.getRuntime().availableProcessors());
        try {
            bench.row("platform start (broker, Mongo stand-in, relationship service)", "%8.1f s", startSeconds);
            bench.run(clients, events, bigClients, bigBudget);
        } finally {
            platform.stop();
            deleteRecursively(dataDir);
        }
    }

    private void run(int clients, int events, int[] bigClients, Duration bigBudget) throws Exception {
        String bootstrap = platform.kafka().bootstrapServers();
        try (MongoClient mongo = MongoClients.create(platform.mongo().connectionString());
             CatalogHistories publisher = new CatalogHistories(bootstrap, TENANT)) {
            MongoCollection<Document> summaries = mongo.getDatabase(DATABASE).getCollection("client_timeline_summaries");
            if (clients > 0 && events > 0) {
                List<List<CatalogHistories.Planned>> histories = liveProjection(publisher, summaries, clients, events);
                modelSwitch(histories);
            }
            for (int size : bigClients) {
                bigClient(publisher, summaries, size, bigBudget);
            }
            row("relationship service resident memory after the run", "%8d MiB",
                    platform.service("relationship").residentKib() / 1024);
        }
    }

    // ---- 1. live projection against raw consume ----

    private List<List<CatalogHistories.Planned>> liveProjection(CatalogHistories publisher,
                                                                 MongoCollection<Document> summaries, int clients,
                                                                 int events) throws Exception {
        long total = (long) clients * events;
        Instant end = Instant.now().minus(Duration.ofHours(1));
        List<List<CatalogHistories.Planned>> histories = new ArrayList<>(clients);
        for (int client = 0; client < clients; client++) {
            histories.add(CatalogHistories.history(events, end));
        }
        double cpuBefore = ProcessCpu.seconds(pid);
        double mongoCpuBefore = ProcessCpu.seconds(mongoPid);
        long start = System.nanoTime();
        // in time order across clients, as live traffic comes: round robin over the clients, event by event
        for (int i = 0; i < events; i++) {
            for (int client = 0; client < clients; client++) {
                publisher.publish(clientId(client), histories.get(client).get(i));
            }
        }
        publisher.flush();
        double publishSeconds = RawInfrastructure.seconds(start);
        Progress progress = awaitScored(summaries, Filters.eq("tenantId", TENANT), total, null);
        double projectionSeconds = RawInfrastructure.seconds(start);
        double cpu = ProcessCpu.seconds(pid) - cpuBefore;
        double mongoCpu = ProcessCpu.seconds(mongoPid) - mongoCpuBefore;
        double projected = total / projectionSeconds;

        double raw = rawConsume(platform.kafka().bootstrapServers(), total);
        row("raw Kafka consume of the same records (intake + incident topics)", "%8.0f events/s", raw);
        row("catalog events published (" + clients + " clients x " + events + ")", "%8.1f s  (%.0f events/s)",
                publishSeconds, total / publishSeconds);
        row("live projection: publish start -> every summary counts its events", "%8.1f s  (%d of %d scored)",
                projectionSeconds, progress.scored(), total);
        row("  projected", "%8.0f events/s", projected);
        row("  projected / raw Kafka consume", "%8.4f  (raw is %.0fx faster)", projected / raw, raw / projected);
        row("  relationship-service CPU", "%8.1f s  (%.3f ms/event)", cpu, cpu * 1000 / total);
        row("  Mongo stand-in CPU", "%8.1f s  (%.3f ms/event)", mongoCpu, mongoCpu * 1000 / total);
        return histories;
    }

    private static double rawConsume(String bootstrap, long records) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            // assigned, not subscribed: no group rebalance in the measured time
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(IntakeTopics.EVENTS, IncidentTopics.EVENTS)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            long start = System.nanoTime();
            while (read < records) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            return records / RawInfrastructure.seconds(start);
        }
    }

    // ---- 2. re-scoring on a model switch against the engine alone ----

    private void modelSwitch(List<List<CatalogHistories.Planned>> histories) throws Exception {
        long total = histories.stream().mapToLong(List::size).sum();
        String yaml = switchedModel();
        HttpResponse<String> stored = send(HttpRequest.newBuilder(uri("/models"))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml, StandardCharsets.UTF_8)));
        expect(stored, 201, 200);
        String modelId = JSON.readTree(stored.body()).path("id").asText();

        double cpuBefore = ProcessCpu.seconds(pid);
        double mongoCpuBefore = ProcessCpu.seconds(mongoPid);
        long start = System.nanoTime();
        expect(send(HttpRequest.newBuilder(uri("/models/active"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"modelId\":\"" + modelId + "\"}"))), 202);
        JsonNode status;
        while (true) {
            status = JSON.readTree(expect(send(HttpRequest.newBuilder(uri("/models/active")).GET()), 200).body())
                    .path("latestSwitch");
            String state = status.path("state").asText();
            if (state.equals("DONE") || state.equals("FAILED")) {
                break;
            }
            Thread.sleep(100);
        }
        double switchSeconds = RawInfrastructure.seconds(start);
        double cpu = ProcessCpu.seconds(pid) - cpuBefore;
        double mongoCpu = ProcessCpu.seconds(mongoPid) - mongoCpuBefore;

        double engineOnly = engineOnly(histories, yaml);
        row("model switch to " + modelId + ": PUT -> " + status.path("state").asText(), "%8.1f s  (%d of %d clients%s)",
                switchSeconds, status.path("clientsDone").asInt(), status.path("clientsTotal").asInt(),
                status.path("failedReason").isTextual() ? ", " + status.path("failedReason").asText() : "");
        row("  re-scored", "%8.0f events/s", total / switchSeconds);
        row("  scoring engine alone, same histories, this process (best of 3)", "%8.0f events/s", engineOnly);
        row("  re-scored / engine alone", "%8.4f  (engine alone is %.0fx faster)", total / switchSeconds / engineOnly,
                engineOnly / (total / switchSeconds));
        row("  relationship-service CPU", "%8.1f s  (%.3f ms/event)", cpu, cpu * 1000 / total);
        row("  Mongo stand-in CPU", "%8.1f s  (%.3f ms/event)", mongoCpu, mongoCpu * 1000 / total);
    }

    /** The built-in model under another name, with the weight of agreeing expectations first changed: 2 -> 3. */
    private static String switchedModel() {
        String yaml;
        try (InputStream in = ScoringModelFiles.class.getClassLoader().getResourceAsStream(ScoringModelFiles.DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(ScoringModelFiles.DEFAULT_RESOURCE + " missing from the classpath");
            }
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String switched = yaml.replaceFirst("(?m)^model: trustline-default$", "model: bench-switch")
                .replaceFirst("(?m)^(\\s+expectationSetBeforeWork:) 2\\b", "$1 3");
        if (switched.equals(yaml) || !switched.contains("model: bench-switch") || !switched.contains("expectationSetBeforeWork: 3")) {
            throw new IllegalStateException("the built-in model file changed shape: cannot derive the switched model");
        }
        return switched;
    }

    private static double engineOnly(List<List<CatalogHistories.Planned>> histories, String yaml) {
        ScoringModel model = ScoringModelFiles.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "bench");
        ScoringEngine engine = new ScoringEngine(model);
        List<List<ClientEvent>> input = histories.stream()
                .map(history -> history.stream().map(CatalogHistories.Planned::clientEvent).toList()).toList();
        long total = input.stream().mapToLong(List::size).sum();
        long checksum = 0;
        double best = 0;
        for (int round = 0; round < 4; round++) {
            long start = System.nanoTime();
            for (List<ClientEvent> history : input) {
                checksum += engine.timeline(history).points().size();
            }
            if (round > 0) { // the first round warms up
                best = Math.max(best, total / RawInfrastructure.seconds(start));
            }
        }
        return checksum > 0 ? best : Double.NaN;
    }

    // ---- 3. one big client: projection and reads ----

    private void bigClient(CatalogHistories publisher, MongoCollection<Document> summaries, int size, Duration budget)
            throws Exception {
        String clientId = "big-" + size;
        List<CatalogHistories.Planned> history = CatalogHistories.history(size, Instant.now().minus(Duration.ofHours(1)));
        double cpuBefore = ProcessCpu.seconds(pid);
        long start = System.nanoTime();
        history.forEach(event -> publisher.publish(clientId, event));
        publisher.flush();
        double publishSeconds = RawInfrastructure.seconds(start);
        Progress progress = awaitScored(summaries, Filters.eq("_id", TENANT + "|" + clientId), size,
                Instant.now().plus(budget));
        double seconds = RawInfrastructure.seconds(start);
        double cpu = ProcessCpu.seconds(pid) - cpuBefore;
        boolean complete = progress.scored() == size;
        row("client of " + size + " events: published", "%8.1f s", publishSeconds);
        row("  projected: publish start -> " + (complete ? "summary counts all" : "STOPPED WAITING (budget "
                        + budget.toSeconds() + " s)"), "%8.1f s  (%d of %d scored, %.0f events/s, %.2f ms/event CPU)",
                seconds, progress.scored(), size, progress.scored() / seconds, cpu * 1000 / Math.max(1, progress.scored()));
        if (progress.scored() == 0) {
            return;
        }
        if (!complete) {
            row("  (reads below: of the partial timeline, while the projection still runs)", "", 0);
        }
        latencies("  GET /clients/" + clientId + "/timeline", "/clients/" + clientId + "/timeline");
        latencies("  GET /clients/" + clientId + "/timeline?limit=1000", "/clients/" + clientId + "/timeline?limit=1000");
        latencies("  GET /clients/" + clientId + "/churn-risk", "/clients/" + clientId + "/churn-risk");
    }

    private void latencies(String label, String path) throws Exception {
        List<Long> micros = new ArrayList<>(READS);
        for (int i = 0; i < WARM_UP_READS + READS; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
            long took = (System.nanoTime() - start) / 1000;
            expect(response, 200);
            if (i >= WARM_UP_READS) {
                micros.add(took);
            }
        }
        Collections.sort(micros);
        row(label, "p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms", percentile(micros, 50) / 1000.0,
                percentile(micros, 99) / 1000.0, micros.get(micros.size() - 1) / 1000.0);
    }

    // ---- polling the projection ----

    private record Progress(long scored) {
    }

    /**
     * Waits until the summaries matching {@code filter} count {@code expected} events in all: the summary is the
     * projection's last write per event. Gives up when nothing moved for {@link #STALLED_AFTER} or at
     * {@code giveUpAt} (null: never), returning how far it got.
     */
    private static Progress awaitScored(MongoCollection<Document> summaries, org.bson.conversions.Bson filter,
                                        long expected, Instant giveUpAt) throws InterruptedException {
        long seen = -1;
        Instant progressAt = Instant.now();
        Instant started = Instant.now();
        Instant reportAt = started.plus(REPORT_EVERY);
        long reported = 0;
        while (true) {
            long scored = 0;
            for (Document summary : summaries.find(filter).projection(Projections.include("eventCount"))) {
                scored += summary.getInteger("eventCount", 0);
            }
            if (scored >= expected) {
                return new Progress(scored);
            }
            if (Instant.now().isAfter(reportAt)) {
                // how the rate changes as the histories grow
                System.out.printf("      (%d of %d scored after %d s; %.1f events/s over the last %d s)%n", scored, expected,
                        Duration.between(started, Instant.now()).toSeconds(),
                        (scored - reported) / (double) REPORT_EVERY.toSeconds(), REPORT_EVERY.toSeconds());
                reported = scored;
                reportAt = reportAt.plus(REPORT_EVERY);
            }
            if (scored != seen) {
                seen = scored;
                progressAt = Instant.now();
            } else if (Instant.now().isAfter(progressAt.plus(STALLED_AFTER))) {
                throw new IllegalStateException("the projection stalled at " + scored + " of " + expected + " events");
            }
            if (giveUpAt != null && Instant.now().isAfter(giveUpAt)) {
                return new Progress(scored);
            }
            Thread.sleep(expected > 10_000 ? 250 : 50);
        }
    }

    // ---- HTTP and output ----

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("Authorization", "Bearer " + API_KEY).timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int... statuses) {
        if (Arrays.stream(statuses).noneMatch(status -> status == response.statusCode())) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private void row(String label, String format, Object... values) {
        System.out.printf("  %-66s %s%n", label, String.format(format, values));
        System.out.flush();
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static String clientId(int client) {
        return "client-" + client;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
