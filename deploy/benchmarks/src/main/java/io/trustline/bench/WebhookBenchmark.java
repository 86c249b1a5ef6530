package io.trustline.bench;

import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.local.LocalPlatform;
import io.trustline.local.LocalPlatformSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./trustline bench webhooks}: notification alone on free ports, fed intake's events straight on its topic,
 * delivering them to local partner receivers: first to one endpoint, then to 100 endpoints of which one always
 * fails. Reports deliveries per second and notification's CPU per delivery next to the raw broker (produce and
 * consume) and Mongo server measured in the same run. Figures, not assertions: they vary with the machine.
 */
public final class WebhookBenchmark {

    private static final String API_KEY = "bench-webhooks-key";
    private static final String TENANT = "bench";
    private static final int CLIENTS = 250;
    private static final Pattern ENDPOINT_ID = Pattern.compile("\"endpointId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Duration GIVE_UP = Duration.ofMinutes(10);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String notificationUrl;
    private final long notificationPid;
    private final IntakeEvents events;
    private final PartnerReceiver receiver;

    private WebhookBenchmark(String notificationUrl, long notificationPid, IntakeEvents events, PartnerReceiver receiver) {
        this.notificationUrl = notificationUrl;
        this.notificationPid = notificationPid;
        this.events = events;
        this.receiver = receiver;
    }

    public static void main(String[] args) throws Exception {
        int oneEndpointIssues = args.length > 0 ? Integer.parseInt(args[0]) : 2_500;
        int manyEndpointsIssues = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path dataDir = Files.createTempDirectory("trustline-bench-webhooks");
        LocalPlatform platform = new LocalPlatform(LocalPlatformSettings.forTests(dataDir, TENANT, API_KEY)
                .withServices("notification"));
        platform.start();
        try (PartnerReceiver receiver = new PartnerReceiver();
             IntakeEvents events = new IntakeEvents(platform.kafka().bootstrapServers(), TENANT)) {
            String bootstrap = platform.kafka().bootstrapServers();
            double produce = RawInfrastructure.kafkaProduceRate(bootstrap, "bench.raw", 20_000);
            double consume = RawInfrastructure.kafkaConsumeRate(bootstrap, "bench.raw", 20_000);
            double insert = RawInfrastructure.mongoInsertRate(platform.mongo().connectionString(), 3_000);
            WebhookBenchmark bench = new WebhookBenchmark(platform.service("notification").baseUrl(),
                    platform.service("notification").pid(), events, receiver);

            bench.awaitSubscribed(bench.register(receiver.url(0)));
            bench.deliver("warm-up", 200, 1, receiver::delivered);
            Result one = bench.deliver("1 endpoint", oneEndpointIssues, 1, receiver::delivered);

            String last = null;
            for (int endpoint = 1; endpoint < 100; endpoint++) {
                last = bench.register(receiver.url(endpoint));
            }
            bench.awaitSubscribed(last);
            receiver.fail(99);
            long failedBefore = receiver.failedAttempts();
            Result many = bench.deliver("100 endpoints, 1 failing", manyEndpointsIssues, 99, receiver::delivered);
            long failedAttempts = receiver.failedAttempts() - failedBefore;

            System.out.printf("%nTrustline webhook delivery benchmark (%d cores; each issue is 2 events, over %d clients)%n",
                    Runtime.getRuntime().availableProcessors(), CLIENTS);
            System.out.printf("  raw Kafka produce (idempotent, acks=all, 500 B)  %8.0f rec/s%n", produce);
            System.out.printf("  raw Kafka consume (from the beginning)           %8.0f rec/s%n", consume);
            System.out.printf("  raw Mongo insertOne (stand-in, in memory)        %8.0f doc/s%n", insert);
            System.out.printf("  %-28s %10s %10s %13s %16s %14s%n", "", "deliveries", "per s", "notif. CPU",
                    "vs Kafka consume", "vs Mongo insert");
            for (Result result : new Result[] {one, many}) {
                System.out.printf("  %-28s %10d %10.0f %10.2f ms %16.4f %14.3f%n", result.name, result.deliveries,
                        result.perSecond(), result.cpuMillisPerDelivery(), result.perSecond() / consume,
                        result.perSecond() / insert);
            }
            System.out.printf("  attempts at the failing endpoint while the 99 others got theirs: %d (all 500)%n",
                    failedAttempts);
        } finally {
            platform.stop();
            try (var paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private record Result(String name, int deliveries, double seconds, double cpuSeconds) {

        double perSecond() {
            return deliveries / seconds;
        }

        double cpuMillisPerDelivery() {
            return cpuSeconds * 1000 / deliveries;
        }
    }

    /**
     * Publishes {@code issues} issues (an IssueReported and an ExpectationSet each) and waits until the healthy
     * endpoints have all of them: from the first publish to the last delivery.
     */
    private Result deliver(String name, int issues, int healthyEndpoints, IntSupplier delivered) throws Exception {
        int expected = issues * 2 * healthyEndpoints;
        int before = delivered.getAsInt();
        double cpuBefore = ProcessCpu.seconds(notificationPid);
        long start = System.nanoTime();
        Instant now = Instant.now();
        for (int i = 0; i < issues; i++) {
            events.reportIssue("client-" + (i % CLIENTS), UUID.randomUUID().toString(), now, now.plus(Duration.ofDays(1)));
        }
        events.flush();
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (delivered.getAsInt() - before < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + ": " + (delivered.getAsInt() - before) + " of " + expected
                        + " deliveries after " + GIVE_UP);
            }
            Thread.sleep(5);
        }
        double seconds = RawInfrastructure.seconds(start);
        return new Result(name, expected, seconds, ProcessCpu.seconds(notificationPid) - cpuBefore);
    }

    /** Registers an endpoint for both event types; returns its id. */
    private String register(String url) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(notificationUrl + "/webhooks/endpoints"))
                .header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"url": "%s", "eventTypes": ["%s", "%s"]}""".formatted(url, IntakeEventTypes.ISSUE_REPORTED,
                        IntakeEventTypes.EXPECTATION_SET)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("POST /webhooks/endpoints answered " + created.statusCode() + ": "
                    + created.body());
        }
        Matcher id = ENDPOINT_ID.matcher(created.body());
        if (!id.find()) {
            throw new IllegalStateException("no endpoint id in " + created.body());
        }
        return id.group(1);
    }

    /**
     * Waits until the endpoint is in the read model the consumer matches events against (built asynchronously, in
     * registration order): events published before would not be delivered to it.
     */
    private void awaitSubscribed(String endpointId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        HttpRequest get = HttpRequest.newBuilder(URI.create(notificationUrl + "/webhooks/endpoints/" + endpointId))
                .header("Authorization", "Bearer " + API_KEY).build();
        while (http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("endpoint " + endpointId + " not readable after a minute");
            }
            Thread.sleep(20);
        }
    }
}
