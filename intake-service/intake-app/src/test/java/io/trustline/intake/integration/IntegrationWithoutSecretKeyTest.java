package io.trustline.intake.integration;

import static io.trustline.intake.integration.IntegrationRequests.autotask;
import static io.trustline.intake.integration.IntegrationRequests.connectWise;
import static io.trustline.intake.integration.IntegrationRequests.get;
import static io.trustline.intake.integration.IntegrationRequests.post;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static org.hamcrest.Matchers.containsString;

import com.mongodb.client.MongoClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.trustline.intake.psa.PsaWebhookCalls;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RequiresInfra
@TestProfile(IntegrationWithoutSecretKeyTest.NoSecretKey.class)
@WithTestResource(TrustlineInfraResource.class)
class IntegrationWithoutSecretKeyTest {

    @Inject
    MongoClient mongo;
    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    public static class NoSecretKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(IntegrationSecretKey.PROPERTY, "");
        }
    }

    @Test
    void withoutASecretKey_creatingAnIntegrationIs503_namingTheProperty_whileListingStillWorks() {
        post(API_KEY_A, autotask("no key", "secret"))
                .statusCode(503).contentType("application/problem+json")
                .body("detail", containsString(IntegrationSecretKey.PROPERTY));
        post(API_KEY_A, connectWise("no key", "api-na.myconnectwise.net")).statusCode(503);
        get(API_KEY_A, "/integrations").statusCode(200);
    }

    @Test
    void withoutASecretKey_aWebhookToAnIntegrationStoredBefore_is503_namingTheProperty_notA500() {
        // stored while a key was configured: its secret is sealed and cannot be opened now
        String integrationId = UUID.randomUUID().toString();
        mongo.getDatabase(database).getCollection(Integrations.COLLECTION).insertOne(new Document("_id", integrationId)
                .append("tenantId", TENANT_A)
                .append("kind", IntegrationKind.AUTOTASK.name())
                .append("name", "stored with a key")
                .append("createdAt", new Date())
                .append("allowedKeyHosts", List.of())
                .append("secrets", new Document("webhookSecret", "c2VhbGVkIHdpdGggYSBrZXkgbm8gbG9uZ2VyIGNvbmZpZ3VyZWQ=")));
        byte[] body = "{\"Action\":\"Create\"}".getBytes(StandardCharsets.UTF_8);

        PsaWebhookCalls.post(integrationId, Map.of("X-Hook-Signature", "sha1=" + "A".repeat(28)), body)
                .statusCode(503).contentType("application/problem+json")
                .body("detail", containsString(IntegrationSecretKey.PROPERTY));
    }
}
