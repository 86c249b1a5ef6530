package io.trustline.intake.psa;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestTenants.bearer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.restassured.response.ValidatableResponse;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.psa.autotask.AutotaskSignature;
import io.trustline.testkit.KafkaTestTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Posting PSA webhooks to an integration's receiver as the PSA would, signed or not; integrations to post them to. */
public final class PsaWebhookCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PsaWebhookCalls() {
    }

    /** A new Autotask integration of the tenant with this webhook secret; its id. */
    public static String autotaskIntegration(String apiKey, String webhookSecret) {
        return given().header("Authorization", bearer(apiKey)).contentType("application/json")
                .body("{\"kind\": \"AUTOTASK\", \"name\": \"Autotask %s\", \"webhookSecret\": \"%s\"}"
                        .formatted(UUID.randomUUID().toString().substring(0, 8), webhookSecret))
                .when().post("/integrations").then().statusCode(201).extract().path("id");
    }

    /** A new ConnectWise integration of the tenant that fetches signing keys from these hosts only; its id. */
    public static String connectWiseIntegration(String apiKey, String... allowedKeyHosts) {
        String hosts = String.join("\", \"", allowedKeyHosts);
        return given().header("Authorization", bearer(apiKey)).contentType("application/json")
                .body("{\"kind\": \"CONNECTWISE\", \"name\": \"ConnectWise %s\", \"allowedKeyHosts\": [\"%s\"]}"
                        .formatted(UUID.randomUUID().toString().substring(0, 8), hosts))
                .when().post("/integrations").then().statusCode(201).extract().path("id");
    }

    /** A new HaloPSA integration of the tenant expecting these Basic credentials; its id. */
    public static String haloIntegration(String apiKey, String username, String password) {
        return given().header("Authorization", bearer(apiKey)).contentType("application/json")
                .body("{\"kind\": \"HALO\", \"name\": \"Halo %s\", \"basicAuth\": {\"username\": \"%s\", \"password\": \"%s\"}}"
                        .formatted(UUID.randomUUID().toString().substring(0, 8), username, password))
                .when().post("/integrations").then().statusCode(201).extract().path("id");
    }

    /** Maps the integration's PSA companies to clients, replacing its mappings. */
    public static ValidatableResponse map(String apiKey, String integrationId, Map<String, String> clientByCompany) {
        StringBuilder body = new StringBuilder("{\"mappings\": [");
        clientByCompany.forEach((company, client) -> body.append(body.charAt(body.length() - 1) == '[' ? "" : ", ")
                .append("{\"psaCompanyId\": \"").append(company).append("\", \"clientId\": \"").append(client)
                .append("\"}"));
        body.append("]}");
        return given().header("Authorization", bearer(apiKey)).contentType("application/json").body(body.toString())
                .when().put("/integrations/" + integrationId + "/company-mappings").then();
    }

    /** Posts the body signed as Autotask signs it, with this secret. */
    public static ValidatableResponse autotask(String integrationId, String secret, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post(integrationId, Map.of(AutotaskSignature.HEADER, AutotaskSignature.of(secret, bytes)), bytes);
    }

    /**
     * Posts the body signed as ConnectWise signs a callback: {@code x-content-signature} = base64(HMAC-SHA256 keyed
     * with SHA-256 of the signing key, body). Written out here rather than borrowed from the receiver, so a receiver
     * that drifted from ConnectWise's scheme fails.
     */
    public static ValidatableResponse connectWise(String integrationId, String signingKey, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post(integrationId, Map.of("x-content-signature", connectWiseSignature(signingKey, bytes)), bytes);
    }

    public static String connectWiseSignature(String signingKey, byte[] body) {
        try {
            byte[] key = MessageDigest.getInstance("SHA-256").digest(signingKey.getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts the body as Halo does, with the webhook's Basic credentials. */
    public static ValidatableResponse halo(String integrationId, String username, String password, String body) {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return post(integrationId, Map.of("Authorization", "Basic " + credentials),
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** Posts the body with exactly these headers (none of them an API key). */
    public static ValidatableResponse post(String integrationId, Map<String, String> headers, byte[] body) {
        return given().headers(headers).contentType("application/json").body(body)
                .when().post("/integrations/" + integrationId + "/events").then();
    }

    /** The tenant's parked tickets of the integration. */
    public static ValidatableResponse unmapped(String apiKey, String integrationId) {
        return given().header("Authorization", bearer(apiKey))
                .when().get("/integrations/" + integrationId + "/unmapped").then();
    }

    /** The client's events on intake's topic, in order, once they satisfy the condition. */
    public static List<ConsumerRecord<String, CloudEvent>> awaitEventsOf(String clientId,
                                                                         Predicate<List<ConsumerRecord<String, CloudEvent>>> condition) {
        return ofClient(KafkaTestTopics.awaitEvents(IntakeTopics.EVENTS, records -> condition.test(ofClient(records, clientId))),
                clientId);
    }

    public static List<ConsumerRecord<String, CloudEvent>> ofType(List<ConsumerRecord<String, CloudEvent>> records,
                                                                  String type) {
        return records.stream().filter(r -> r.value().getType().equals(type)).toList();
    }

    public static JsonNode data(ConsumerRecord<String, CloudEvent> record) {
        try {
            return JSON.readTree(record.value().getData().toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ConsumerRecord<String, CloudEvent>> ofClient(List<ConsumerRecord<String, CloudEvent>> records,
                                                                     String clientId) {
        return records.stream().filter(r -> r.key().endsWith(":" + clientId)).toList();
    }
}
