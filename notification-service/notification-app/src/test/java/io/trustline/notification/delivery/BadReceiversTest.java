package io.trustline.notification.delivery;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Receivers that misbehave on purpose, against the one HTTP sender: none of them holds a delivery worker for longer
 * than the attempt's timeouts, and a healthy receiver costs no thread per attempt.
 */
@QuarkusTest
@RequiresInfra
@TestProfile(BadReceiversTest.ShortTimeouts.class)
@WithTestResource(TrustlineInfraResource.class)
class BadReceiversTest {

    /** One second to connect and one to answer, body included: a bad receiver costs about a second. */
    public static class ShortTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trustline.webhooks.delivery.connect-timeout", "PT1S",
                    "trustline.webhooks.delivery.request-timeout", "PT1S");
        }
    }

    private static final Duration WELL_WITHIN_THE_TIMEOUTS = Duration.ofSeconds(5);
    private static final byte[] EVENT = "{\"specversion\":\"1.0\"}".getBytes(StandardCharsets.UTF_8);

    private static final CountDownLatch TEST_OVER = new CountDownLatch(1);
    private static HttpServer receivers;
    private static ExecutorService receiverThreads;

    @Inject
    WebhookSender sender;

    @BeforeAll
    static void startReceivers() throws IOException {
        receivers = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        receiverThreads = Executors.newCachedThreadPool();
        receivers.setExecutor(receiverThreads);
        receivers.createContext("/silent", exchange -> holdUntilTheTestIsOver(exchange));
        receivers.createContext("/dripping", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write('{');
            exchange.getResponseBody().flush();
            holdUntilTheTestIsOver(exchange);
        });
        receivers.createContext("/talkative", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write(new byte[70 * 1024]);
            body.flush();
            holdUntilTheTestIsOver(exchange);
        });
        receivers.createContext("/healthy", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receivers.start();
    }

    @AfterAll
    static void stopReceivers() {
        TEST_OVER.countDown();
        receivers.stop(0);
        receiverThreads.shutdownNow();
    }

    @Test
    void aReceiverThatNeverAnswers_isGivenUpAfterTheTimeout() throws Exception {
        AttemptOutcome outcome = sender.post(registeredEndpoint(), url("/silent"), UUID.randomUUID().toString(), EVENT, null);

        assertThat(outcome).isInstanceOf(AttemptOutcome.NoAnswer.class);
        assertThat(((AttemptOutcome.NoAnswer) outcome).error()).contains("timeout");
        assertThat(outcome.latency()).isBetween(Duration.ofSeconds(1), WELL_WITHIN_THE_TIMEOUTS);
    }

    @Test
    void aReceiverThatAnswersButNeverFinishesItsBody_isGivenUpAfterTheTimeout() throws Exception {
        AttemptOutcome outcome = sender.post(registeredEndpoint(), url("/dripping"), UUID.randomUUID().toString(), EVENT,
                null);

        assertThat(outcome).isInstanceOf(AttemptOutcome.NoAnswer.class);
        assertThat(outcome.latency()).isBetween(Duration.ofSeconds(1), WELL_WITHIN_THE_TIMEOUTS);
    }

    @Test
    void anAnswerLongerThanTheResponseLimit_countsWithoutWaitingForTheRestOfItsBody() throws Exception {
        AttemptOutcome outcome = sender.post(registeredEndpoint(), url("/talkative"), UUID.randomUUID().toString(), EVENT,
                null);

        // the body never ends: an attempt that waited for it would have timed out, with no answer
        assertThat(outcome).isInstanceOf(AttemptOutcome.Answered.class);
        assertThat(((AttemptOutcome.Answered) outcome).statusCode()).isEqualTo(200);
    }

    @Test
    void attemptsAtAHealthyReceiver_startNoThreadEach() throws Exception {
        String endpointId = registeredEndpoint();
        sender.post(endpointId, url("/healthy"), UUID.randomUUID().toString(), EVENT, null);
        long threadsBefore = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();

        int attempts = 40;
        for (int i = 0; i < attempts; i++) {
            AttemptOutcome outcome = sender.post(endpointId, url("/healthy"), UUID.randomUUID().toString(), EVENT, null);
            assertThat(outcome).isInstanceOf(AttemptOutcome.Answered.class);
        }

        // the service's other threads may start a few meanwhile; one per attempt is what must not happen
        long started = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - threadsBefore;
        assertThat(started).isLessThan(attempts / 2);
    }

    private static void holdUntilTheTestIsOver(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            TEST_OVER.await();
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + receivers.getAddress().getPort() + path;
    }

    /** An endpoint of tenant A whose signing secret the sender can read; deliveries are made here by hand. */
    private static String registeredEndpoint() {
        String endpointId = given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                // whatever the consumer enqueues for it goes to the healthy receiver and counts in no assertion here
                .body(Map.of("url", url("/healthy"), "eventTypes", List.of(IntakeEventTypes.PSA_TICKET_LINKED)))
                .post("/webhooks/endpoints").then().statusCode(201).extract().path("endpointId");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", bearer(API_KEY_A))
                .get("/webhooks/endpoints/" + endpointId).statusCode() == 200);
        return endpointId;
    }
}
