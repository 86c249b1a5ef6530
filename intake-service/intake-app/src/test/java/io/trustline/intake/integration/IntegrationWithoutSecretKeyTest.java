package io.trustline.intake.integration;

import static io.trustline.intake.integration.IntegrationRequests.autotask;
import static io.trustline.intake.integration.IntegrationRequests.connectWise;
import static io.trustline.intake.integration.IntegrationRequests.get;
import static io.trustline.intake.integration.IntegrationRequests.post;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RequiresInfra
@TestProfile(IntegrationWithoutSecretKeyTest.NoSecretKey.class)
@WithTestResource(TrustlineInfraResource.class)
class IntegrationWithoutSecretKeyTest {

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
}
