package io.trustline.notification.signing;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.API_KEY_B;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.trustline.intake.api.ExpectationRevised;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.notification.api.NotificationEventTypes;
import io.trustline.notification.api.NotificationTopics;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TestIds;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.golden.GoldenJson;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deliveries verified as a partner would: with the Standard Webhooks reference Java library, not with our signer.
 */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class SignedDeliveryTest {

    /**
     * Subscribed to by this class's endpoints only: other tests leave endpoints of tenant A on unreachable hosts for
     * other types, and in this skeleton one failing endpoint holds up an event for every endpoint.
     */
    private static final String SIGNED_TYPE = IntakeEventTypes.EXPECTATION_REVISED;
    /** Notification consumes no relationship events, so an endpoint subscribed to this one is never delivered to. */
    private static final String NEVER_DELIVERED_TYPE = "io.trustline.relationship.FeedbackReceived.v1";

    private static SigningReceiver partners;

    @Inject
    SigningSecretsStore store;

    @BeforeAll
    static void startPartners() throws Exception {
        partners = new SigningReceiver();
    }

    @AfterAll
    static void stopPartners() {
        partners.close();
    }

    @Test
    void aDelivery_verifiesWithTheSecretShownOnRegistration_andTheSecretIsNeverShownAgain() throws Exception {
        String url = partners.newUrl();
        String key = "partner-setup-" + UUID.randomUUID();
        JsonPath registered = register(key, url, SIGNED_TYPE, 201);
        String endpointId = registered.getString("endpointId");
        String secret = registered.getString("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);

        assertThat(register(key, url, SIGNED_TYPE, 200).getString("secret"))
                .as("a retry with the same Idempotency-Key, whose caller never saw the first answer").isEqualTo(secret);
        awaitListed(endpointId);
        assertThat(given().header("Authorization", bearer(API_KEY_A)).get("/webhooks/endpoints/" + endpointId)
                .then().statusCode(200).extract().asString()).doesNotContain(secret).doesNotContain("secret");
        assertThat(given().header("Authorization", bearer(API_KEY_A)).get("/webhooks/endpoints")
                .then().statusCode(200).extract().asString()).doesNotContain(secret).doesNotContain("secret");

        Instant before = Instant.now();
        String eventId = publishExpectationRevised();
        SigningReceiver.Request delivery = awaitDelivery(url, eventId);

        new Webhook(secret).verify(delivery.body(), delivery.headers());
        assertThat(JsonPath.from(delivery.body()).getString("id")).isEqualTo(eventId);
        assertThat(Long.parseLong(delivery.header(WebhookSigner.TIMESTAMP)))
                .isBetween(before.getEpochSecond(), Instant.now().getEpochSecond());
        assertThat(delivery.header(WebhookSigner.SIGNATURE)).doesNotContain(" ");
        assertThatThrownBy(() -> new Webhook(otherSecret()).verify(delivery.body(), delivery.headers()))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void afterARotation_deliveriesVerifyWithTheNewAndTheOldSecret_untilTheOverlapEnds() throws Exception {
        String url = partners.newUrl();
        JsonPath registered = register("partner-setup-" + UUID.randomUUID(), url, SIGNED_TYPE, 201);
        String endpointId = registered.getString("endpointId");
        String oldSecret = registered.getString("secret");
        awaitListed(endpointId);

        String rotationKey = "rotate-" + UUID.randomUUID();
        Instant before = Instant.now();
        JsonPath rotated = rotate(endpointId, rotationKey, API_KEY_A).then().statusCode(201).extract().jsonPath();
        String newSecret = rotated.getString("secret");
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        assertThat(Instant.parse(rotated.getString("previousSecretExpiresAt")))
                .isBetween(before.plus(Duration.ofHours(24)), Instant.now().plus(Duration.ofHours(24)));
        rotate(endpointId, rotationKey, API_KEY_A).then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("secret", equalTo(newSecret));
        await().atMost(Duration.ofSeconds(30)).until(() -> store.find(endpointId)
                .map(s -> s.previous() != null).orElse(false));

        String eventId = publishExpectationRevised();
        SigningReceiver.Request delivery = awaitDelivery(url, eventId);

        assertThat(delivery.header(WebhookSigner.SIGNATURE).split(" ")).hasSize(2);
        new Webhook(newSecret).verify(delivery.body(), delivery.headers());
        new Webhook(oldSecret).verify(delivery.body(), delivery.headers());
        assertNoSecretPublished(endpointId, List.of(oldSecret, newSecret));
    }

    @Test
    void rotatingAnUnknownOrAnotherTenantsEndpoint_is404() {
        rotate("no-such-endpoint-" + UUID.randomUUID(), null, API_KEY_A).then().statusCode(404)
                .contentType("application/problem+json");
        String endpointId = register("partner-setup-" + UUID.randomUUID(), "https://partner.example/hooks",
                NEVER_DELIVERED_TYPE, 201).getString("endpointId");
        rotate(endpointId, null, API_KEY_B).then().statusCode(404).contentType("application/problem+json");
    }

    private static void assertNoSecretPublished(String endpointId, List<String> secrets) {
        List<ConsumerRecord<String, CloudEvent>> records = KafkaTestTopics.awaitEvents(NotificationTopics.EVENTS,
                all -> all.stream().anyMatch(r -> endpointId.equals(r.value().getSubject())
                        && NotificationEventTypes.WEBHOOK_ENDPOINT_SECRET_ROTATED.equals(r.value().getType())));
        List<String> published = records.stream().map(ConsumerRecord::value)
                .filter(e -> endpointId.equals(e.getSubject()))
                .map(e -> e.getType() + " " + new String(e.getData().toBytes(), StandardCharsets.UTF_8)).toList();
        // its registration, its rotation and the outcomes of its deliveries: none of them may carry a secret
        assertThat(published).anyMatch(e -> e.startsWith(NotificationEventTypes.WEBHOOK_ENDPOINT_REGISTERED + " "))
                .anyMatch(e -> e.startsWith(NotificationEventTypes.WEBHOOK_ENDPOINT_SECRET_ROTATED + " "));
        for (String secret : secrets) {
            assertThat(published).noneMatch(e -> e.contains(secret) || e.contains(secret.substring("whsec_".length())));
        }
    }

    private static JsonPath register(String idempotencyKey, String url, String eventType, int status) {
        return given().header("Authorization", bearer(API_KEY_A)).header("Idempotency-Key", idempotencyKey)
                .contentType("application/json")
                .body("{\"url\": \"" + url + "\", \"eventTypes\": [\"" + eventType + "\"]}")
                .when().post("/webhooks/endpoints")
                .then().statusCode(status).extract().jsonPath();
    }

    private static io.restassured.response.Response rotate(String endpointId, String idempotencyKey, String apiKey) {
        var request = given().header("Authorization", bearer(apiKey));
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.when().post("/webhooks/endpoints/" + endpointId + "/secret/rotation");
    }

    private static void awaitListed(String endpointId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", bearer(API_KEY_A)).when().get("/webhooks/endpoints")
                        .then().statusCode(200).body("endpoints.endpointId", hasItem(endpointId)));
    }

    private static String publishExpectationRevised() {
        String id = UUID.randomUUID().toString();
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, id, SIGNED_TYPE,
                GoldenJson.exampleOfIssue(ExpectationRevised.class, TENANT_A, TestIds.uniqueClient(), UUID.randomUUID().toString()));
        return id;
    }

    private static SigningReceiver.Request awaitDelivery(String url, String eventId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> partners.delivering(url, eventId), r -> r != null);
    }

    private static String otherSecret() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
