package io.trustline.e2e;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.trustline.e2e.PlatformClient.TimelineEvent;
import io.trustline.infra.launcher.TrustlineHome;
import io.trustline.local.LocalPlatform;
import io.trustline.local.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A switch of the tenant's active model on the packaged services, with two relationship instances sharing the
 * scored-timeline consumer group and the switch's lease: events keep arriving over the public APIs while every
 * client is rescored, and the instance running the switch is killed halfway, so the other one resumes it once the
 * lease runs out. No accepted event may be lost, and every stored timeline must be the one the new model computes.
 */
@ExtendWith(SharedPlatform.class)
class ModelSwitchEndToEndTest {

    private static final String API_KEY = SharedPlatform.apiKey("switch");
    private static final String BUILT_IN = "trustline-default@1";
    private static final String DEFAULT_MODEL_FILE =
            "relationship-service/relationship-app/src/main/resources/scoring/trustline-default-v1.yaml";
    private static final int CLIENTS = 20;
    private static final Set<String> INTAKE_EVENTS = Set.of("IssueReported", "ExpectationSet");
    private static final String OFFER = """
            {"competitor": "CheapIT Ltd", "offer": "the same service for 20% less"}""";
    private static final String MEETING = """
            {"kind": "MONTHLY_REVIEW", "faceToFace": true, "attendees": ["Dana Office", "Sam Tech"]}""";

    private static LocalPlatform platform;
    private static PlatformClient client;
    private static Future<ServiceProcess> another;

    @BeforeAll
    static void startPlatform() {
        platform = SharedPlatform.platform();
        client = new PlatformClient(platform, API_KEY);
    }

    /**
     * The next class on the shared platform expects one relationship instance: the other one stops here, and if the
     * platform's own was the runner killed, {@link SharedPlatform} starts it again.
     */
    @AfterAll
    static void stopTheOtherInstance() throws Exception {
        if (another != null) {
            another.get(150, TimeUnit.SECONDS).stop();
        }
    }

    @Test
    void aSwitchResumedByTheOtherInstanceAfterItsRunnerIsKilled_whileEventsKeepArriving_losesNoneOfThem()
            throws Exception {
        ServiceProcess first = platform.service("relationship");
        // the second instance starts (and joins the consumer group) while the clients are seeded over the first
        ExecutorService starting = Executors.newSingleThreadExecutor();
        another = starting.submit(() -> platform.startAnotherInstance("relationship"));
        starting.shutdown();
        Set<ServiceProcess> killed = ConcurrentHashMap.newKeySet();

        List<String> clients = new ArrayList<>();
        Map<String, List<String>> moments = new ConcurrentHashMap<>();
        Map<String, List<String>> issues = new ConcurrentHashMap<>();
        for (int i = 0; i < CLIENTS; i++) {
            String clientId = uniqueClient();
            clients.add(clientId);
            moments.put(clientId, Collections.synchronizedList(new ArrayList<>()));
            issues.put(clientId, Collections.synchronizedList(new ArrayList<>()));
        }
        // a few callers at once: on a shared machine one at a time spends the budget on round trips
        eachClient(clients, clientId -> {
            issues.get(clientId).add(client.reportIssue(clientId));
            moments.get(clientId).add(recordMoment(first, clientId, 0));
        });
        await().atMost(Duration.ofSeconds(45)).until(() -> clients.stream()
                .allMatch(clientId -> complete(clientId, moments, issues, BUILT_IN)));
        ServiceProcess second = another.get(150, TimeUnit.SECONDS);
        List<ServiceProcess> instances = List.of(first, second);
        String modelId = storeGenerousModel(first);
        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService senders = Executors.newSingleThreadExecutor();
        try {
            // events across the clients until the switch is done, alternately over intake and over
            // either live relationship instance; only those answered 201 count: a call to the killed one may fail
            Future<Integer> sent = senders.submit(() -> {
                int count = 0;
                for (int i = 0; sending.get() && count < 200; i++) {
                    String clientId = clients.get(i % CLIENTS);
                    try {
                        if (i % 3 == 0) {
                            issues.get(clientId).add(client.reportIssue(clientId));
                        } else {
                            ServiceProcess to = instances.stream().filter(instance -> !killed.contains(instance))
                                    .toList().get(i % (2 - killed.size()));
                            moments.get(clientId).add(recordMoment(to, clientId, i));
                        }
                        count++;
                    } catch (Exception | AssertionError refused) {
                        // not accepted, so not owed to the timeline
                    }
                }
                return count;
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> moments.values().stream().mapToInt(List::size).sum()
                    >= CLIENTS + 5);

            JsonPath accepted = given().spec(client.json()).baseUri(first.baseUrl())
                    .body("{\"modelId\": \"" + modelId + "\"}").when().put("/models/active")
                    .then().statusCode(202).extract().jsonPath();
            assertThat(accepted.getString("latestSwitch.fromModelId")).isEqualTo(BUILT_IN);

            // the instance that claimed the switch says so in its log; it dies mid-switch, the other must resume it
            ServiceProcess runner = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> instances.stream().filter(ModelSwitchEndToEndTest::ranTheSwitch).findFirst(),
                            Optional::isPresent).orElseThrow();
            runner.kill();
            killed.add(runner);
            ServiceProcess survivor = runner == first ? second : first;
            JsonPath atTheKill = activeModel(survivor);
            assertThat(atTheKill.getString("latestSwitch.state")).as("the kill lands mid-switch")
                    .isIn("RESCORING", "HANDING_OVER");
            assertThat(ranTheSwitch(survivor)).as("the survivor has not run it yet").isFalse();

            JsonPath done = await().atMost(Duration.ofSeconds(40)).until(() -> activeModel(survivor),
                    status -> "DONE".equals(status.getString("latestSwitch.state")));
            assertThat(ranTheSwitch(survivor)).as("the survivor resumed the switch").isTrue();
            assertThat(done.getString("activeModelId")).isEqualTo(modelId);
            assertThat(done.getString("latestSwitch.targetModelId")).isEqualTo(modelId);
            assertThat(done.getInt("latestSwitch.clientsDone")).isEqualTo(done.getInt("latestSwitch.clientsTotal"))
                    .isGreaterThanOrEqualTo(CLIENTS);

            sending.set(false);
            int sentWhileSwitching = sent.get(30, TimeUnit.SECONDS);
            assertThat(sentWhileSwitching).isGreaterThan(10);
            // and one more per client once it is done, over the survivor: whatever the hand-over left computed from
            // the events is then stored again under the new model
            eachClient(clients, clientId -> moments.get(clientId).add(recordMoment(survivor, clientId, 0)));
            System.out.printf("model switch e2e: %s killed mid-switch, %d events accepted while switching, %d in all%n",
                    runner.name(), sentWhileSwitching, acceptedCount(moments, issues));
            PlatformClient survivorClient = client.reaching(survivor, "relationship");
            // the killed instance's partitions reach the survivor once its session times out
            await().atMost(Duration.ofSeconds(40)).until(() -> clients.stream()
                    .allMatch(clientId -> completeOn(survivorClient, clientId, moments, issues, modelId)));
            // whole points, every page: the stored timeline (default) against a fresh computation from the stored
            // events under the now active model (asOf its latest event)
            eachClient(clients, clientId -> assertThat(survivorClient.timelinePoints(clientId, Map.of()))
                    .as("timeline of %s", clientId).isNotEmpty().isEqualTo(survivorClient
                            .timelinePoints(clientId, Map.of("asOf", survivorClient.timelineAsOf(clientId)))));
        } finally {
            sending.set(false);
            senders.shutdownNow();
        }
    }

    /** Does it for every client, a few at once; rethrows the first failure. */
    private static void eachClient(List<String> clients, Consumer<String> action) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> calls = clients.stream().map(clientId -> callers.submit(() -> action.accept(clientId)))
                    .collect(Collectors.toList());
            for (Future<?> call : calls) {
                try {
                    call.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw e;
                }
            }
        } finally {
            callers.shutdownNow();
        }
    }

    private static int acceptedCount(Map<String, List<String>> moments, Map<String, List<String>> issues) {
        return moments.values().stream().mapToInt(List::size).sum() + issues.values().stream().mapToInt(List::size).sum();
    }

    /** The client's timeline is under the model and holds every accepted moment and both events of every issue. */
    private static boolean complete(String clientId, Map<String, List<String>> moments,
                                    Map<String, List<String>> issues, String modelId) {
        return completeOn(client, clientId, moments, issues, modelId);
    }

    private static boolean completeOn(PlatformClient on, String clientId, Map<String, List<String>> moments,
                                      Map<String, List<String>> issues, String modelId) {
        var response = given().spec(on.json()).baseUri(on.url("relationship")).queryParam("limit", 1)
                .when().get("/clients/" + clientId + "/timeline");
        if (response.statusCode() != 200 || !modelId.equals(response.jsonPath().getString("modelId"))) {
            return false;
        }
        List<TimelineEvent> events = on.timelineEvents(clientId);
        Set<String> ids = events.stream().map(TimelineEvent::id).collect(Collectors.toSet());
        assertThat(events).as("events of %s", clientId).extracting(TimelineEvent::id).doesNotHaveDuplicates();
        List<TimelineEvent> intake = events.stream().filter(event -> INTAKE_EVENTS.contains(event.type())).toList();
        Set<String> issueIds = intake.stream().map(TimelineEvent::issueId).collect(Collectors.toSet());
        return ids.containsAll(List.copyOf(moments.get(clientId)))
                && issueIds.containsAll(List.copyOf(issues.get(clientId)))
                && PlatformClient.everyIssueComplete(intake);
    }

    private static String recordMoment(ServiceProcess instance, String clientId, int i) {
        return given().spec(client.json()).baseUri(instance.baseUrl()).body(i % 2 == 0 ? OFFER : MEETING)
                .when().post("/clients/" + clientId + (i % 2 == 0 ? "/offers-declined" : "/meetings"))
                .then().statusCode(201).extract().path("eventId");
    }

    /** The built-in model under a new name, valuing a declined offer far more: every offer's point changes. */
    private static String storeGenerousModel(ServiceProcess instance) {
        String name = "generous-" + UUID.randomUUID().toString().substring(0, 8);
        String yaml;
        try {
            yaml = Files.readString(TrustlineHome.locate().resolve(DEFAULT_MODEL_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(yaml).contains("model: trustline-default", "competitorOfferDeclined: 12");
        yaml = yaml.replace("model: trustline-default", "model: " + name)
                .replace("competitorOfferDeclined: 12", "competitorOfferDeclined: 30");
        given().spec(client.json()).baseUri(instance.baseUrl()).contentType("application/yaml")
                .body(yaml.getBytes(StandardCharsets.UTF_8)).when().post("/models").then().statusCode(201);
        return name + "@1";
    }

    private static JsonPath activeModel(ServiceProcess instance) {
        return given().spec(client.json()).baseUri(instance.baseUrl()).when().get("/models/active")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Whether the instance's log says it claimed and ran the tenant's switch. */
    private static boolean ranTheSwitch(ServiceProcess instance) {
        Path log = platform.settings().dataDir().resolve("logs").resolve(instance.name() + ".log");
        try {
            return Files.exists(log) && Files.readString(log).contains("running the switch of tenant switch");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
