package io.trustline.e2e;

import static io.trustline.incident.api.IncidentEventTypes.EXPECTATION_MISSED;
import static io.trustline.incident.api.IncidentEventTypes.INCIDENT_OPENED;
import static io.trustline.incident.api.IncidentEventTypes.ISSUE_ACKNOWLEDGED;
import static io.trustline.incident.api.IncidentEventTypes.PROACTIVE_UPDATE_OVERDUE;
import static io.trustline.incident.api.IncidentEventTypes.RESPONSE_TARGET_MISSED;
import static io.trustline.intake.api.IntakeEventTypes.ISSUE_REPORTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.restassured.path.json.JsonPath;
import io.trustline.e2e.PartnerReceiver.Request;
import io.trustline.incident.api.IncidentEventTypes;
import io.trustline.incident.api.IncidentTopics;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.local.LocalPlatform;
import io.trustline.local.LocalPlatformSettings;
import io.trustline.local.ServiceProcess;
import io.trustline.testkit.KafkaTestTopics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of every service, sharing their consumer groups, event stores, tracking tokens and deadlines, while
 * 1 000 issues flow in over intake's API from several callers at once; one instance of each service is SIGKILLed
 * on the way (intake at 20 % of the reports, incident at 40 %, relationship at 60 %, notification at 80 %) and the
 * other carries on. Callers retry a failed call with the same {@code Idempotency-Key} on the other instance, as a
 * PSA behind a load balancer does. Afterwards nothing accepted may be lost or doubled: every client's scored
 * timeline holds exactly the events the mix implies and equals the one a fresh relationship instance rebuilds from
 * the topics on an empty database; the partner's endpoint got every matching event under its own id; every
 * deadline fired once.
 *
 * <p>The mix, by the issue's index modulo 10: 0 and 5 left alone (targets of seconds, so the acknowledgement, plan
 * and resolve-by deadlines fire during the run), 1 worked through the whole lifecycle, 2 acknowledged only, the rest
 * only reported (these on a policy cell of a day, so no deadline of theirs fires). The update cadence is a day
 * everywhere: an open incident's overdue update fires again every interval, for as long as the run lasts, which
 * would make the number of deadlines depend on the machine's speed (and cost thousands of events on a slow one).
 */
@ExtendWith(OwnPlatform.class)
class ScaleOutEndToEndTest {

    private static final String API_KEY = "scale-out-test-key";
    private static final List<String> SERVICES = List.of("intake", "incident", "relationship", "notification");
    private static final int ISSUES = 1_000;
    private static final int CLIENTS = 30;
    /** The partner's endpoint allows these first clients only: a third of the deliveries is proof enough. */
    private static final int HOOKED_CLIENTS = 10;
    private static final int CALLERS = 6;
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration ACKNOWLEDGE_WITHIN = Duration.ofSeconds(10);
    private static final Duration PLAN_WITHIN = Duration.ofSeconds(20);
    private static final Duration RESOLVE_WITHIN = Duration.ofSeconds(40);
    /** How long a caller keeps retrying one call: across a kill and the group handing the dead one's partitions over. */
    private static final Duration RETRY_PATIENCE = Duration.ofSeconds(90);
    private static final Duration SETTLING = Duration.ofSeconds(300);
    /** The event types the partner's endpoint subscribes to: from both topics, deadlines' included. */
    private static final List<String> HOOKED_TYPES = List.of(ISSUE_REPORTED, ISSUE_ACKNOWLEDGED, RESPONSE_TARGET_MISSED,
            EXPECTATION_MISSED);
    private static final Set<String> DEADLINE_TYPES = Set.of(RESPONSE_TARGET_MISSED, PROACTIVE_UPDATE_OVERDUE,
            EXPECTATION_MISSED);

    @TempDir
    static Path dataDir;
    private static LocalPlatform platform;
    private static PlatformClient client;
    /** The live instances of each service, as a load balancer would know them. */
    private static final Map<String, List<ServiceProcess>> LIVE = new ConcurrentHashMap<>();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger roundRobin = new AtomicInteger();
    private final AtomicInteger failedConnections = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger notOpenedYet = new AtomicInteger();
    private final AtomicInteger replayed = new AtomicInteger();
    private final Map<String, JsonPath> parsedData = new ConcurrentHashMap<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private enum Work {
        LEFT_ALONE, WORKED, ACKNOWLEDGED, REPORTED;

        static Work of(int index) {
            return switch (index % 10) {
                case 0, 5 -> LEFT_ALONE;
                case 1 -> WORKED;
                case 2 -> ACKNOWLEDGED;
                default -> REPORTED;
            };
        }

        /** The WHAT impact of the report: its cell of the tenant's policy. */
        String impact() {
            return this == LEFT_ALONE ? "STOPPED" : "DEGRADED";
        }
    }

    private record Issue(int index, String clientId, Work work, String issueId) {
    }

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = new LocalPlatform(LocalPlatformSettings.forTests(dataDir, "scale", API_KEY)
                .withServiceConfig(Map.of(
                        "trustline.deadlines.poll-interval", "PT5S",
                        // the group hands a killed instance's partitions to the other after this
                        "trustline.kafka.session-timeout", "PT6S",
                        "trustline.webhooks.delivery.poll-interval", "PT0.5S")));
        platform.start();
        client = new PlatformClient(platform, API_KEY);
        ExecutorService starting = Executors.newFixedThreadPool(SERVICES.size());
        try {
            Map<String, Future<ServiceProcess>> seconds = new LinkedHashMap<>();
            SERVICES.forEach(service -> seconds.put(service, starting.submit(() -> platform.startAnotherInstance(service))));
            for (String service : SERVICES) {
                LIVE.put(service, new CopyOnWriteArrayList<>(List.of(platform.service(service),
                        seconds.get(service).get(150, TimeUnit.SECONDS))));
            }
        } finally {
            starting.shutdownNow();
        }
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.stop();
        }
    }

    @Test
    void aThousandIssuesThroughTwoInstancesOfEachService_oneOfEachKilled_loseNothingAndDoubleNothing() throws Exception {
        Instant started = Instant.now();
        client.setResponsePolicy("STOPPED", "EVERYONE", cell(ACKNOWLEDGE_WITHIN, PLAN_WITHIN, DAY, DAY));
        client.setResponsePolicy("DEGRADED", "EVERYONE", cell(DAY, DAY, DAY, DAY));
        List<String> clients = IntStream.range(0, CLIENTS).mapToObj(n -> "scale-" + run + "-client-" + n).toList();
        try (PartnerReceiver partner = new PartnerReceiver(request -> 200)) {
            registerEndpoint(partner, clients.subList(0, HOOKED_CLIENTS));

            // the flow, with one instance of each service killed on the way
            Issue[] issues = new Issue[ISSUES];
            AtomicInteger reported = new AtomicInteger();
            ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
            Future<?> flow = inParallel(callers, ISSUES, i -> {
                issues[i] = report(i, clients.get(i % CLIENTS));
                reported.incrementAndGet();
                work(issues[i]);
            });
            Map<String, String> killed = new LinkedHashMap<>();
            for (int n = 0; n < SERVICES.size(); n++) {
                int threshold = ISSUES * (n + 1) / 5;
                await().atMost(SETTLING).until(() -> reported.get() >= threshold || flow.isDone());
                String service = SERVICES.get(n);
                ServiceProcess victim = platform.service(service);
                victim.kill();
                LIVE.get(service).remove(victim);
                killed.put(service, victim.name() + " at " + reported.get() + " reported");
            }
            flow.get(SETTLING.toSeconds(), TimeUnit.SECONDS);
            callers.shutdown();
            Instant flowed = Instant.now();
            System.out.printf("scale-out e2e: %d issues flowed in %d s, killed %s%n", ISSUES,
                    Duration.between(started, flowed).toSeconds(), killed);
            List<Issue> all = List.of(issues);
            Map<String, Issue> byIssueId = all.stream().collect(Collectors.toMap(Issue::issueId, issue -> issue));
            assertThat(byIssueId).as("distinct issues accepted").hasSize(ISSUES);

            // the topics once every issue has all it will ever have: the left-alone issues' deadlines fired
            Map<String, List<CloudEvent>> incidentEvents = incidentEventsUntil(all);
            Instant deadlinesFired = Instant.now();
            Map<String, List<CloudEvent>> intakeEvents = byIssue(KafkaTestTopics.awaitEventsFrom(
                    platform.kafka().bootstrapServers(), IntakeTopics.EVENTS,
                    read -> byIssue(read).values().stream().mapToInt(List::size).sum() >= 2 * ISSUES, SETTLING));

            // (c) every deadline fired once: no deadline under two event ids, all of a left-alone issue's fired
            long republished = 0;
            for (Issue issue : all) {
                List<CloudEvent> events = incidentEvents.get(issue.issueId());
                Map<String, List<String>> firings = events.stream().filter(event -> DEADLINE_TYPES.contains(event.getType()))
                        .collect(Collectors.groupingBy(this::deadlineKey, TreeMap::new,
                                Collectors.mapping(CloudEvent::getId, Collectors.toList())));
                firings.forEach((deadline, ids) -> assertThat(ids).as("%s of %s", deadline, issue).hasSize(1));
                if (issue.work() == Work.LEFT_ALONE) {
                    assertThat(firings.keySet()).as("deadlines of %s", issue)
                            .containsExactly("ExpectationMissed", "ResponseTargetMissed ACKNOWLEDGE", "ResponseTargetMissed PLAN");
                } else {
                    assertThat(firings).as("deadlines of %s, on a policy of a day", issue).isEmpty();
                }
            }

            // (b) the partner's endpoint got every matching event, under its own id, and nothing else
            Set<String> hookedClients = Set.copyOf(clients.subList(0, HOOKED_CLIENTS));
            Set<String> matching = new java.util.HashSet<>();
            for (Issue issue : all) {
                if (hookedClients.contains(issue.clientId())) {
                    ofIssue(issue, intakeEvents, incidentEvents).stream()
                            .filter(event -> HOOKED_TYPES.contains(event.getType()))
                            .forEach(event -> matching.add(event.getId()));
                }
            }
            await().atMost(SETTLING).pollInterval(Duration.ofSeconds(1)).until(() -> Set.copyOf(partner.accepted()).containsAll(matching));
            List<Request> deliveries = partner.requests();
            assertThat(deliveries).allSatisfy(request -> assertThat(request.webhookId()).isEqualTo(request.eventId()));
            assertThat(Set.copyOf(partner.accepted())).as("webhook ids received").isEqualTo(matching);
            Map<String, Long> acceptedPerId = partner.accepted().stream()
                    .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
            long redelivered = acceptedPerId.values().stream().filter(count -> count > 1).count();

            // (a) each client's timeline holds exactly its issues' events, each once ...
            PlatformClient survivor = client.reaching(LIVE.get("relationship").get(0), "relationship");
            Map<String, List<Issue>> issuesOf = all.stream().collect(Collectors.groupingBy(Issue::clientId));
            Map<String, Set<String>> expectedIds = new HashMap<>();
            issuesOf.forEach((clientId, itsIssues) -> expectedIds.put(clientId, itsIssues.stream()
                    .flatMap(issue -> ofIssue(issue, intakeEvents, incidentEvents).stream())
                    .filter(event -> !INCIDENT_OPENED.equals(event.getType()))
                    .map(CloudEvent::getId).collect(Collectors.toSet())));
            await().atMost(SETTLING).pollInterval(Duration.ofSeconds(1)).until(() -> clients.stream().allMatch(clientId ->
                    eventIds(survivor.timelineEvents(clientId)).equals(expectedIds.get(clientId))));
            Map<String, List<Map<String, Object>>> timelines = new HashMap<>();
            for (String clientId : clients) {
                List<PlatformClient.TimelineEvent> events = survivor.timelineEvents(clientId);
                assertThat(events).as("events on the timeline of %s", clientId)
                        .extracting(PlatformClient.TimelineEvent::id).doesNotHaveDuplicates();
                Map<String, List<PlatformClient.TimelineEvent>> perIssue = events.stream()
                        .collect(Collectors.groupingBy(event -> Objects.toString(event.issueId(), "none")));
                for (Issue issue : issuesOf.get(clientId)) {
                    assertThat(typeCounts(perIssue.get(issue.issueId()))).as("timeline points of %s", issue)
                            .isEqualTo(expectedTypeCounts(issue));
                }
                timelines.put(clientId, survivor.timelinePoints(clientId, Map.of()));
            }
            Instant chaosChecked = Instant.now();

            // ... and equals what a fresh instance, on an empty database and in new consumer groups, scores from the topics
            ServiceProcess rebuild = platform.startAnotherInstance("relationship", Map.of(
                    "quarkus.mongodb.database", "trustline-relationship-rebuild",
                    "trustline.service.name", "relationship-rebuild"));
            PlatformClient rebuilt = client.reaching(rebuild, "relationship");
            await().atMost(SETTLING).pollInterval(Duration.ofSeconds(1)).until(() -> clients.stream().allMatch(clientId ->
                    eventIds(rebuilt.timelineEvents(clientId)).equals(expectedIds.get(clientId))));
            for (String clientId : clients) {
                assertThat(rebuilt.timelinePoints(clientId, Map.of())).as("timeline of %s rebuilt from the topics", clientId)
                        .isEqualTo(timelines.get(clientId));
            }

            System.out.printf("scale-out e2e: killed %s; %d issues flowed in %d s (retried: %d failed connections, %d 5xx, %d"
                            + " 404s of incidents not opened yet; %d answered"
                            + " as replays); deadlines all fired %d s later; %d webhooks"
                            + " expected, %d requests, %d ids redelivered; chaos checks done at %d s, rebuild compared at %d s"
                            + " (from the policy set, after the platform started)%n",
                    killed, ISSUES, Duration.between(started, flowed).toSeconds(), failedConnections.get(), serverErrors.get(),
                    notOpenedYet.get(), replayed.get(),
                    Duration.between(flowed, deadlinesFired).toSeconds(), matching.size(), deliveries.size(),
                    redelivered, Duration.between(started, chaosChecked).toSeconds(),
                    Duration.between(started, Instant.now()).toSeconds());
        }
    }

    /** Reports issue {@code i} for the client; the body is fixed before the first attempt, so a retry is the same request. */
    private Issue report(int i, String clientId) {
        Work work = Work.of(i);
        Instant resolveBy = (work == Work.LEFT_ALONE ? Instant.now().plus(RESOLVE_WITHIN) : Instant.now().plus(DAY))
                .truncatedTo(ChronoUnit.MILLIS);
        String body = """
                {"clientId": "%s", "summary": "Payroll server unreachable (%d)",
                 "reportedBy": {"name": "Dana Office"},
                 "expectation": {
                   "who": {"scope": "EVERYONE"}, "what": {"impact": "%s"},
                   "when": {"resolveBy": "%s", "reason": "payroll is due"},
                   "where": {"location": "head office", "workMode": "ON_SITE"},
                   "how": {"resolvedWhen": "payroll runs"}}}
                """.formatted(clientId, i, work.impact(), resolveBy);
        String answer = post("intake", "/issues", body, key(i, "report"));
        return new Issue(i, clientId, work, JsonPath.from(answer).getString("issueId"));
    }

    /** What the service desk does with the issue, by its part of the mix. */
    private void work(Issue issue) {
        switch (issue.work()) {
            case WORKED -> {
                command(issue, "acknowledgement", "{\"by\": \"Sam Tech\"}");
                command(issue, "action-plan", "{\"steps\": [\"restart the payroll VM\"], \"owner\": \"Sam Tech\"}");
                command(issue, "updates", "{\"message\": \"the VM is back\", \"channel\": \"EMAIL\"}");
                command(issue, "resolution", "{\"summary\": \"payroll VM restarted\"}");
                command(issue, "confirmation",
                        "{\"howCriteriaMet\": true, \"checks\": [{\"check\": \"payroll runs\", \"passed\": true}]}");
            }
            case ACKNOWLEDGED -> command(issue, "acknowledgement", "{\"by\": \"Sam Tech\"}");
            case LEFT_ALONE, REPORTED -> {
            }
        }
    }

    private void command(Issue issue, String command, String body) {
        post("incident", "/incidents/" + issue.issueId() + "/" + command, body, key(issue.index(), command));
    }

    private String key(int index, String call) {
        return run + "-" + index + "-" + call;
    }

    /**
     * POSTs until an instance accepts it: 201, or 200 with the first answer (a replay: an earlier attempt was stored
     * though its answer was lost). A refused or broken connection or a 5xx is tried again on the next live instance
     * with the same key; a 404 is an incident not opened yet (it opens from intake's events), asked again.
     */
    private String post(String service, String path, String body, String idempotencyKey) {
        return await().atMost(RETRY_PATIENCE).pollInSameThread().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100)).until(() -> attempt(service, path, body, idempotencyKey), Objects::nonNull);
    }

    private String attempt(String service, String path, String body, String idempotencyKey) throws InterruptedException {
        List<ServiceProcess> live = List.copyOf(LIVE.get(service));
        ServiceProcess instance = live.get(Math.floorMod(roundRobin.getAndIncrement(), live.size()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(instance.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException connectionFailed) {
            failedConnections.incrementAndGet();
            return null;
        }
        int status = response.statusCode();
        if (status == 201 || status == 200) {
            if (status == 200) {
                replayed.incrementAndGet();
            }
            return response.body();
        }
        if (status == 404 || status >= 500) {
            (status == 404 ? notOpenedYet : serverErrors).incrementAndGet();
            return null;
        }
        throw new AssertionError("POST " + path + " to " + instance.name() + " answered " + status + ": " + response.body());
    }

    /** Runs the action for 0 … count-1 on the callers, in that order; the future fails with the first failure. */
    private static Future<?> inParallel(ExecutorService callers, int count, IntConsumer action) {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int n = 0; n < CALLERS; n++) {
            workers.add(callers.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    action.accept(i);
                }
            }));
        }
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "scale-out-join");
            thread.setDaemon(true);
            return thread;
        }).submit(() -> {
            for (Future<?> worker : workers) {
                try {
                    worker.get();
                } catch (ExecutionException e) {
                    next.set(count);
                    workers.forEach(other -> other.cancel(true));
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            return null;
        });
    }

    private void registerEndpoint(PartnerReceiver partner, List<String> clientIds) {
        String endpointId = io.restassured.RestAssured.given().spec(client.json()).baseUri(client.url("notification"))
                .body(Map.of("url", partner.url(), "eventTypes", HOOKED_TYPES, "clientIds", clientIds))
                .when().post("/webhooks/endpoints")
                .then().statusCode(201).extract().path("endpointId");
        // both instances deliver from the endpoint read model: wait until it serves the endpoint
        for (ServiceProcess instance : LIVE.get("notification")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> io.restassured.RestAssured.given().spec(client.json())
                    .baseUri(instance.baseUrl()).when().get("/webhooks/endpoints/" + endpointId).statusCode() == 200);
        }
    }

    /**
     * The incident topic's events per issue, each id once, read from the beginning until every issue has the last
     * event its part of the mix leads to; failing, names the issues still short of it.
     */
    private Map<String, List<CloudEvent>> incidentEventsUntil(List<Issue> issues) {
        AtomicReference<Map<String, List<CloudEvent>>> lastRead = new AtomicReference<>(Map.of());
        try {
            return byIssue(KafkaTestTopics.awaitEventsFrom(platform.kafka().bootstrapServers(), IncidentTopics.EVENTS,
                    read -> {
                        lastRead.set(byIssue(read));
                        return issues.stream().allMatch(issue -> complete(issue, lastRead.get()));
                    }, SETTLING));
        } catch (AssertionError timedOut) {
            List<String> incomplete = issues.stream().filter(issue -> !complete(issue, lastRead.get()))
                    .map(issue -> issue + ": " + lastRead.get().getOrDefault(issue.issueId(), List.of()).stream()
                            .map(this::deadlineKey).toList())
                    .toList();
            throw new AssertionError(incomplete.size() + " issues incomplete, e.g. "
                    + incomplete.subList(0, Math.min(10, incomplete.size())), timedOut);
        }
    }

    /** Per issue, its events in topic order; an event the relay published again after a kill (same id) counted once. */
    private Map<String, List<CloudEvent>> byIssue(List<ConsumerRecord<String, CloudEvent>> records) {
        Map<String, List<CloudEvent>> events = new HashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        for (ConsumerRecord<String, CloudEvent> record : records) {
            CloudEvent event = record.value();
            if (seen.add(event.getId())) {
                String issueId = data(event).getString("issueId");
                if (issueId != null) {
                    events.computeIfAbsent(issueId, id -> new ArrayList<>()).add(event);
                }
            }
        }
        return events;
    }

    private JsonPath data(CloudEvent event) {
        return parsedData.computeIfAbsent(event.getId(), id -> PlatformClient.data(event));
    }

    /** Whether the issue's incident events hold the last events its part of the mix leads to. */
    private boolean complete(Issue issue, Map<String, List<CloudEvent>> read) {
        List<CloudEvent> events = read.getOrDefault(issue.issueId(), List.of());
        List<String> types = events.stream().map(CloudEvent::getType).toList();
        return switch (issue.work()) {
            case LEFT_ALONE -> events.stream().map(this::deadlineKey).collect(Collectors.toSet()).containsAll(
                    Set.of("ResponseTargetMissed ACKNOWLEDGE", "ResponseTargetMissed PLAN", "ExpectationMissed"));
            case WORKED -> types.contains(IncidentEventTypes.EXPECTATION_MET);
            case ACKNOWLEDGED -> types.contains(ISSUE_ACKNOWLEDGED);
            case REPORTED -> types.contains(IncidentEventTypes.RESPONSE_TARGETS_SET);
        };
    }

    /** Which deadline an event records: its type, and the phase of a missed target or the interval of an overdue update. */
    private String deadlineKey(CloudEvent event) {
        return switch (event.getType()) {
            case RESPONSE_TARGET_MISSED -> "ResponseTargetMissed " + data(event).getString("phase");
            case PROACTIVE_UPDATE_OVERDUE -> "ProactiveUpdateOverdue since " + data(event).getString("since");
            default -> shortType(event.getType());
        };
    }

    private static List<CloudEvent> ofIssue(Issue issue, Map<String, List<CloudEvent>> intake,
                                            Map<String, List<CloudEvent>> incident) {
        List<CloudEvent> events = new ArrayList<>(intake.getOrDefault(issue.issueId(), List.of()));
        events.addAll(incident.getOrDefault(issue.issueId(), List.of()));
        return events;
    }

    /** The points the mix gives an issue, by type. */
    private static Map<String, Long> expectedTypeCounts(Issue issue) {
        List<String> types = new ArrayList<>(List.of("IssueReported", "ExpectationSet", "ResponseTargetsSet"));
        switch (issue.work()) {
            case LEFT_ALONE -> {
                types.addAll(List.of("ResponseTargetMissed", "ResponseTargetMissed", "ExpectationMissed"));
            }
            case WORKED -> types.addAll(List.of("IssueAcknowledged", "ActionPlanIssued", "ProactiveUpdateSent",
                    "IssueResolved", "ResolutionConfirmed", "ExpectationMet"));
            case ACKNOWLEDGED -> types.add("IssueAcknowledged");
            case REPORTED -> {
            }
        }
        return types.stream().collect(Collectors.groupingBy(type -> type, TreeMap::new, Collectors.counting()));
    }

    private static Map<String, Long> typeCounts(Collection<PlatformClient.TimelineEvent> events) {
        return (events == null ? List.<PlatformClient.TimelineEvent>of() : events).stream()
                .collect(Collectors.groupingBy(PlatformClient.TimelineEvent::type, TreeMap::new, Collectors.counting()));
    }

    private static Set<String> eventIds(List<PlatformClient.TimelineEvent> events) {
        return events.stream().map(PlatformClient.TimelineEvent::id).collect(Collectors.toSet());
    }

    /** {@code io.trustline.incident.ExpectationMissed.v1} → {@code ExpectationMissed}. */
    private static String shortType(String type) {
        String[] parts = type.split("\\.");
        return parts[parts.length - 2];
    }

    private static Map<String, String> cell(Duration acknowledge, Duration actionPlan, Duration updateEvery,
                                            Duration resolve) {
        return Map.of("acknowledge", acknowledge.toString(), "actionPlan", actionPlan.toString(),
                "updateEvery", updateEvery.toString(), "resolve", resolve.toString());
    }
}
