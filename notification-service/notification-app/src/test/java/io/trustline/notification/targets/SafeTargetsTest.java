package io.trustline.notification.targets;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_B;
import static io.trustline.testkit.TestTenants.TENANT_B;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trustline.intake.api.ExpectationRevised;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.golden.GoldenJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** With the test settings (http and loopback allowed, as in local runs), every other unsafe target is refused. */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class SafeTargetsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://10.0.0.5/hook | resolves to a private address 10.0.0.5.",
            "https://169.254.169.254/latest | resolves to the cloud metadata address 169.254.169.254.",
            "https://[::ffff:192.168.0.1]/hook | resolves to a private address 192.168.0.1.",
            "http://2130706433/hook | has an ambiguous numeric host 2130706433; write an IPv4 address as four decimal "
                    + "numbers without leading zeros, such as 203.0.113.7.",
            "https://user:secret@127.0.0.1/hook | must not contain user-info (user:password@).",
    })
    void registeringAnUnsafeUrl_is400_namingUrlAndWhy(String url, String why) {
        given().header("Authorization", bearer(API_KEY_B)).contentType("application/json")
                .body("{\"url\": \"" + url + "\", \"eventTypes\": [\"" + IntakeEventTypes.ISSUE_REPORTED + "\"]}")
                .when().post("/webhooks/endpoints")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("url"))
                .body("errors.message", contains(why));
    }

    @Test
    void aReceiverAnswering302_isNotFollowed_andTheAttemptFails() throws Exception {
        try (Receiver elsewhere = new Receiver(null); Receiver redirecting = new Receiver(elsewhere.url())) {
            register(redirecting.url());

            String clientId = uniqueClient();
            KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, UUID.randomUUID().toString(), IntakeEventTypes.EXPECTATION_REVISED,
                    GoldenJson.exampleOfIssue(ExpectationRevised.class, TENANT_B, clientId, UUID.randomUUID().toString()));

            // a second attempt means the first one is over, with whatever it would have followed
            await().atMost(Duration.ofSeconds(30)).until(() -> redirecting.requests() >= 2 || elsewhere.requests() > 0);
            assertThat(elsewhere.requests()).as("requests reaching the redirect's target").isZero();
        }
    }

    private static void register(String url) {
        String endpointId = given().header("Authorization", bearer(API_KEY_B)).contentType("application/json")
                .body("{\"url\": \"" + url + "\", \"eventTypes\": [\"" + IntakeEventTypes.EXPECTATION_REVISED + "\"]}")
                .when().post("/webhooks/endpoints")
                .then().statusCode(201).extract().path("endpointId");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", bearer(API_KEY_B)).when().get("/webhooks/endpoints")
                        .then().statusCode(200).body("endpoints.endpointId", hasItem(endpointId)));
    }

    /** A partner's server on 127.0.0.1 that counts requests and answers 302 to {@code redirectTo}, or 204. */
    private static final class Receiver implements AutoCloseable {

        private final HttpServer server;
        private final AtomicInteger requests = new AtomicInteger();

        Receiver(String redirectTo) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hooks", exchange -> {
                exchange.getRequestBody().readAllBytes();
                requests.incrementAndGet();
                if (redirectTo != null) {
                    exchange.getResponseHeaders().add("Location", redirectTo);
                }
                exchange.sendResponseHeaders(redirectTo != null ? 302 : 204, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
        }

        int requests() {
            return requests.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
