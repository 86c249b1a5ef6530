package io.trustline.notification.targets;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.hamcrest.Matchers.contains;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Production's settings: https only, public addresses only, and a host must resolve when it is registered. */
@QuarkusTest
@RequiresInfra
@TestProfile(HttpsOnlyTargetsTest.ProductionTargets.class)
@WithTestResource(TrustlineInfraResource.class)
class HttpsOnlyTargetsTest {

    public static class ProductionTargets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(TargetAddressGuard.ALLOW_HTTP, "false",
                    TargetAddressGuard.ALLOW_PRIVATE_ADDRESSES, "false",
                    TargetAddressGuard.ACCEPT_UNRESOLVABLE_HOSTS, "false");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://example.com/hooks | must be https.",
            "https://127.0.0.1:8443/hooks | resolves to a loopback address 127.0.0.1.",
            "https://localhost:8443/hooks | resolves to a loopback address 127.0.0.1.",
            "https://10.0.0.5/hook | resolves to a private address 10.0.0.5.",
            "https://partner.example/hooks | has a host that does not resolve: partner.example.",
    })
    void registeringAnUnsafeUrl_is400_namingUrlAndWhy(String url, String why) {
        given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                .body("{\"url\": \"" + url + "\", \"eventTypes\": [\"" + IntakeEventTypes.ISSUE_REPORTED + "\"]}")
                .when().post("/webhooks/endpoints")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("url"))
                .body("errors.message", contains(why));
    }
}
