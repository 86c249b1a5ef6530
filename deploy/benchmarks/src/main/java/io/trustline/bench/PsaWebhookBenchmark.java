package io.trustline.bench;

import io.trustline.local.LocalPlatform;
import io.trustline.local.LocalPlatformSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code ./trustline bench psa}: intake alone on free ports, fed signed Autotask webhooks (a new ticket each, then an
 * update of each, then every update redelivered) next to plain {@code POST /issues} in the same run, against the raw
 * broker and Mongo server measured in that run. Reports calls per second, latency percentiles and intake's CPU per
 * call. Figures, not assertions: they vary with the machine.
 */
public final class PsaWebhookBenchmark {

    private static final String API_KEY = "bench-psa-key";
    private static final String SECRET = "bench-autotask-webhook-secret";
    private static final String COMPANY = "29683";
    private static final Pattern INTEGRATION_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    // PSAs call webhooks over HTTP/1.1; the JDK client would otherwise try an h2c upgrade on every connection
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String intakeUrl;
    private final long intakePid;
    private final int concurrency;

    private PsaWebhookBenchmark(String intakeUrl, long intakePid, int concurrency) {
        this.intakeUrl = intakeUrl;
        this.intakePid = intakePid;
        this.concurrency = concurrency;
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path dataDir = Files.createTempDirectory("trustline-bench-psa");
        LocalPlatform platform = new LocalPlatform(LocalPlatformSettings.forTests(dataDir, "bench", API_KEY)
                .withServices("intake"));
        platform.start();
        try {
            String bootstrap = platform.kafka().bootstrapServers();
            double produce = RawInfrastructure.kafkaProduceRate(bootstrap, "bench.raw", 20_000);
            double insert = RawInfrastructure.mongoInsertRate(platform.mongo().connectionString(), 3_000);
            PsaWebhookBenchmark bench = new PsaWebhookBenchmark(platform.service("intake").baseUrl(),
                    platform.service("intake").pid(), concurrency);
            String integrationId = bench.createAutotaskIntegration();
            String runId = Long.toString(System.currentTimeMillis() % 1_000_000);

            // warm-up: the JIT and the connection pools, on both paths, not counted
            bench.run("warm-up", 200, i -> bench.plainIssue("warm-" + i));
            bench.run("warm-up", 200, i -> bench.autotaskTicket(integrationId, "9" + runId + "0" + i, 1));

            Result plain = bench.run("POST /issues", calls, i -> bench.plainIssue("client-" + (i % 200)));
            Result created = bench.run("Autotask ticket created", calls,
                    i -> bench.autotaskTicket(integrationId, runId + i, 1));
            Result updated = bench.run("Autotask ticket responded", calls,
                    i -> bench.autotaskTicket(integrationId, runId + i, 2));
            Result redelivered = bench.run("same update redelivered", calls,
                    i -> bench.autotaskTicket(integrationId, runId + i, 2));

            System.out.printf("%nTrustline PSA webhook benchmark (%d calls per kind, %d concurrent callers, %d cores)%n",
                    calls, concurrency, Runtime.getRuntime().availableProcessors());
            System.out.printf("  raw Kafka produce (idempotent, acks=all, 500 B)  %8.0f rec/s%n", produce);
            System.out.printf("  raw Mongo insertOne (stand-in, in memory)        %8.0f doc/s%n", insert);
            System.out.printf("  %-30s %9s %9s %9s %9s %12s %10s%n", "", "calls/s", "p50 ms", "p95 ms", "p99 ms",
                    "intake CPU", "vs POST");
            for (Result result : List.of(plain, created, updated, redelivered)) {
                System.out.printf("  %-30s %9.0f %9.1f %9.1f %9.1f %9.2f ms %10.2f%n", result.name, result.perSecond(),
                        result.percentileMillis(50), result.percentileMillis(95), result.percentileMillis(99),
                        result.cpuMillisPerCall(), result.perSecond() / plain.perSecond());
            }
            System.out.printf("  signed tickets created / raw Mongo inserts        %8.3f%n", created.perSecond() / insert);
        } finally {
            platform.stop();
            try (var paths = Files.walk(dataDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private record Call(int expectedStatus, HttpRequest request) {
    }

    private record Result(String name, int calls, double seconds, double cpuSeconds, List<Long> latenciesMicros) {

        double perSecond() {
            return calls / seconds;
        }

        double cpuMillisPerCall() {
            return cpuSeconds * 1000 / calls;
        }

        double percentileMillis(int percent) {
            int index = Math.min(latenciesMicros.size() - 1,
                    (int) Math.ceil(percent / 100.0 * latenciesMicros.size()) - 1);
            return latenciesMicros.get(index) / 1000.0;
        }
    }

    private Result run(String name, int calls, IntFunction<Call> call) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(concurrency);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        double cpuBefore = ProcessCpu.seconds(intakePid);
        long start = System.nanoTime();
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                int index = i;
                pending.add(callers.submit(() -> {
                    Call next = call.apply(index);
                    long sent = System.nanoTime();
                    HttpResponse<String> response = http.send(next.request(), HttpResponse.BodyHandlers.ofString());
                    latencies.add((System.nanoTime() - sent) / 1000);
                    if (response.statusCode() != next.expectedStatus()) {
                        throw new IllegalStateException(name + " answered " + response.statusCode() + ": "
                                + response.body());
                    }
                    return null;
                }));
            }
            for (Future<?> result : pending) {
                result.get();
            }
        } finally {
            callers.shutdown();
        }
        double seconds = RawInfrastructure.seconds(start);
        double cpu = ProcessCpu.seconds(intakePid) - cpuBefore;
        Collections.sort(latencies);
        return new Result(name, calls, seconds, cpu, latencies);
    }

    private String createAutotaskIntegration() throws Exception {
        HttpResponse<String> created = http.send(withKey("/integrations")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"kind": "AUTOTASK", "name": "Autotask benchmark", "webhookSecret": "%s"}""".formatted(SECRET)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("POST /integrations answered " + created.statusCode() + ": " + created.body());
        }
        Matcher id = INTEGRATION_ID.matcher(created.body());
        if (!id.find()) {
            throw new IllegalStateException("no integration id in " + created.body());
        }
        HttpResponse<String> mapped = http.send(withKey("/integrations/" + id.group(1) + "/company-mappings")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"mappings": [{"psaCompanyId": "%s", "clientId": "bench-client"}]}""".formatted(COMPANY)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (mapped.statusCode() != 200) {
            throw new IllegalStateException("PUT company-mappings answered " + mapped.statusCode() + ": " + mapped.body());
        }
        return id.group(1);
    }

    private Call plainIssue(String clientId) {
        return new Call(201, withKey("/issues").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"clientId": "%s", "summary": "Payroll server unreachable", "reportedBy": {"name": "Dana Office"},
                         "expectation": {"who": {"scope": "EVERYONE"}, "what": {"impact": "STOPPED"},
                           "when": {"resolveBy": "2099-12-01T12:00:00Z"}, "where": {"location": "HQ", "workMode": "ON_SITE"},
                           "how": {"resolvedWhen": "payroll runs"}}}
                        """.formatted(clientId), StandardCharsets.UTF_8)).build());
    }

    /**
     * An Autotask Ticket webhook as Autotask documents it: sequence 1 creates the ticket, sequence 2 records its first
     * response. The same ticket and sequence give the same body, byte for byte: a redelivery.
     */
    private Call autotaskTicket(String integrationId, String ticketId, int sequence) {
        String fields = sequence == 1
                ? """
                  {"id": %s, "ticketNumber": "T20261207.%s", "title": "Payroll server unreachable",
                   "companyID": %s, "contactID": 30682, "priority": 1, "status": 1,
                   "createDate": "2026-12-07T08:00:00Z", "lastActivityDate": "2026-12-07T08:00:00Z"}"""
                        .formatted(ticketId, ticketId, COMPANY)
                : """
                  {"id": %s, "companyID": %s, "status": 8, "lastActivityDate": "2026-12-07T08:10:00Z",
                   "firstResponseDateTime": "2026-12-07T08:10:00Z"}""".formatted(ticketId, COMPANY);
        String body = """
                {"Action": "%s", "Guid": "%s", "EntityType": "Ticket", "Id": %s, "Fields": %s,
                 "EventTime": "2026-12-07T08:%02d:00.0000000Z", "SequenceNumber": %d, "PersonId": 29682885}"""
                .formatted(sequence == 1 ? "Create" : "Update", guid(ticketId, sequence), ticketId, fields,
                        sequence == 1 ? 0 : 10, sequence);
        return new Call(200, HttpRequest.newBuilder(URI.create(intakeUrl + "/integrations/" + integrationId + "/events"))
                .header("Content-Type", "application/json")
                .header("X-Hook-Signature", "sha1=" + hmacSha1(body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private static String guid(String ticketId, int sequence) {
        return UUID.nameUUIDFromBytes((ticketId + "/" + sequence).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String hmacSha1(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    private HttpRequest.Builder withKey(String path) {
        return HttpRequest.newBuilder(URI.create(intakeUrl + path))
                .header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "application/json");
    }
}
