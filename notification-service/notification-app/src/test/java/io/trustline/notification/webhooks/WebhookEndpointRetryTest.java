package io.trustline.notification.webhooks;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.API_KEY_B;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A partner retrying a registration with its Idempotency-Key gets the first endpoint, never a second one. */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class WebhookEndpointRetryTest {

    @Test
    void aRetryWithTheSameKey_answersTheFirstEndpoint_andRegistersNothingNew() {
        String key = "partner-setup-" + UUID.randomUUID();
        String url = "https://partner.example/" + UUID.randomUUID();
        String first = register(API_KEY_A, key, url).then().statusCode(201).extract().path("endpointId");

        register(API_KEY_A, key, url).then().statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("endpointId", equalTo(first))
                .body("url", equalTo(url));
        String otherTenants = register(API_KEY_B, key, url).then().statusCode(201).extract().path("endpointId");

        assertThat(otherTenants).isNotEqualTo(first);
        await().atMost(Duration.ofSeconds(30)).until(() -> urls(API_KEY_A).contains(url));
        assertThat(urls(API_KEY_A)).filteredOn(url::equals).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherEndpoint_is422_andRegistersNothing() {
        String key = "partner-setup-" + UUID.randomUUID();
        String first = "https://partner.example/" + UUID.randomUUID();
        String other = "https://partner.example/" + UUID.randomUUID();
        register(API_KEY_A, key, first).then().statusCode(201);

        register(API_KEY_A, key, other).then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("Idempotency-Key"));

        await().atMost(Duration.ofSeconds(30)).until(() -> urls(API_KEY_A).contains(first));
        assertThat(urls(API_KEY_A)).doesNotContain(other);
    }

    private static Response register(String apiKey, String idempotencyKey, String url) {
        return given().header("Authorization", bearer(apiKey)).header("Idempotency-Key", idempotencyKey)
                .contentType("application/json")
                .body("{\"url\": \"" + url + "\", \"eventTypes\": [\"io.trustline.intake.IssueReported.v1\"]}")
                .when().post("/webhooks/endpoints");
    }

    private static List<String> urls(String apiKey) {
        return given().header("Authorization", bearer(apiKey)).when().get("/webhooks/endpoints")
                .then().statusCode(200).extract().jsonPath().getList("endpoints.url", String.class);
    }
}
