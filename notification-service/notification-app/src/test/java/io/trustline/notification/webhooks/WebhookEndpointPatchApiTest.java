package io.trustline.notification.webhooks;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.API_KEY_B;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code PATCH} and {@code DELETE /webhooks/endpoints/{id}} over the real app: what they answer, what GET shows after,
 * and the problem bodies. What deliveries do after a change is in the delivery package's tests.
 */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class WebhookEndpointPatchApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String ISSUE_REPORTED = "io.trustline.intake.IssueReported.v1";
    private static final String ACTION_PLAN_ISSUED = "io.trustline.incident.ActionPlanIssued.v1";

    @Test
    void aDescription_isRegistered_shown_replaced_andRemovedWithNull() {
        String endpointId = as(API_KEY_A).contentType("application/json")
                .body(Map.of("url", "https://partner.example/hooks", "eventTypes", List.of(ISSUE_REPORTED),
                        "description", "Partner dashboard"))
                .post("/webhooks/endpoints")
                .then().statusCode(201).body("description", equalTo("Partner dashboard")).extract().path("endpointId");
        awaitShown(endpointId, "description", "Partner dashboard");

        patch(endpointId, "{\"description\": \"Partner dashboard, v2\"}")
                .statusCode(200).body("description", equalTo("Partner dashboard, v2"));
        awaitShown(endpointId, "description", "Partner dashboard, v2");
        patch(endpointId, "{\"description\": null}").statusCode(200).body("$", not(hasKey("description")));
        await().atMost(PATIENCE).untilAsserted(() -> as(API_KEY_A).get("/webhooks/endpoints/" + endpointId)
                .then().statusCode(200).body("$", not(hasKey("description"))).body("url", equalTo("https://partner.example/hooks")));
    }

    @Test
    void aPatch_answersTheEndpointAsGetShowsIt_withOnlyTheGivenSettingsChanged() {
        String endpointId = register("{\"url\": \"https://partner.example/hooks\", \"eventTypes\": [\"" + ISSUE_REPORTED
                + "\"], \"filter\": \"subject == 'acme'\", \"clientIds\": [\"acme\", \"globex\"]}");

        JsonPath answer = as(API_KEY_A).contentType(WebhookEndpointResource.MERGE_PATCH)
                .body("{\"eventTypes\": [\"" + ACTION_PLAN_ISSUED + "\", \"" + ACTION_PLAN_ISSUED + "\"], \"clientIds\": null, "
                        + "\"url\": \"https://partner.example/hooks/v2\"}")
                .patch("/webhooks/endpoints/" + endpointId)
                .then().statusCode(200).contentType("application/json").extract().jsonPath();

        assertThat(answer.getString("endpointId")).isEqualTo(endpointId);
        assertThat(answer.getString("url")).isEqualTo("https://partner.example/hooks/v2");
        assertThat(answer.getList("eventTypes")).containsExactly(ACTION_PLAN_ISSUED);
        assertThat(answer.getString("filter")).isEqualTo("subject == 'acme'");
        assertThat(answer.getMap("$")).doesNotContainKey("clientIds").doesNotContainKey("secret");
        assertThat(answer.getBoolean("enabled")).isTrue();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(as(API_KEY_A).get("/webhooks/endpoints/" + endpointId)
                .then().statusCode(200).extract().jsonPath().getMap("$")).isEqualTo(answer.getMap("$")));
    }

    @Test
    void anEmptyPatch_changesNothing_andAnswersTheEndpoint() {
        String endpointId = register("{\"url\": \"https://partner.example/hooks\", \"eventTypes\": [\"" + ISSUE_REPORTED + "\"]}");

        patch(endpointId, "{}").statusCode(200).body("url", equalTo("https://partner.example/hooks"))
                .body("enabled", equalTo(true));
    }

    @Test
    void aPatchRetriedWithItsKey_answersTheEndpointAsItIsNow_andTheKeyWithAnotherPatchIs422() {
        String endpointId = register("{\"url\": \"https://partner.example/hooks\", \"eventTypes\": [\"" + ISSUE_REPORTED + "\"]}");
        String key = UUID.randomUUID().toString();

        as(API_KEY_A).header("Idempotency-Key", key).contentType("application/json").body("{\"enabled\": false}")
                .patch("/webhooks/endpoints/" + endpointId)
                .then().statusCode(200).body("enabled", equalTo(false)).body("disabledReason", equalTo("DISABLED_BY_TENANT"));
        patch(endpointId, "{\"description\": \"changed meanwhile\"}").statusCode(200);
        as(API_KEY_A).header("Idempotency-Key", key).contentType("application/json").body("{\"enabled\": false}")
                .patch("/webhooks/endpoints/" + endpointId)
                .then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("enabled", equalTo(false)).body("description", equalTo("changed meanwhile"));
        as(API_KEY_A).header("Idempotency-Key", key).contentType("application/json").body("{\"enabled\": true}")
                .patch("/webhooks/endpoints/" + endpointId)
                .then().statusCode(422).contentType("application/problem+json");
        await().atMost(PATIENCE).untilAsserted(() -> as(API_KEY_A).get("/webhooks/endpoints/" + endpointId)
                .then().body("enabled", equalTo(false)).body("description", equalTo("changed meanwhile")));
    }

    @Test
    void unknownFields_andNullsThatCannotRemoveAnything_are400_namingEach() {
        String endpointId = register("{\"url\": \"https://partner.example/hooks\", \"eventTypes\": [\"" + ISSUE_REPORTED + "\"]}");

        patch(endpointId, "{\"enabled\": false, \"secret\": \"whsec_x\", \"eventType\": \"" + ISSUE_REPORTED + "\"}")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("secret", "eventType")))
                .body("errors[0].message", containsString("url, eventTypes, filter, clientIds, description, enabled"));
        patch(endpointId, "{\"url\": null, \"eventTypes\": null, \"enabled\": null, \"filter\": null}")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("url", "eventTypes", "enabled")))
                .body("errors[0].message", containsString("cannot be removed"));
        awaitShown(endpointId, "enabled", true);
    }

    @Test
    void badValues_are400_namingTheField_asAtRegistration() {
        String endpointId = register("{\"url\": \"https://partner.example/hooks\", \"eventTypes\": [\"" + ISSUE_REPORTED + "\"]}");

        refused(endpointId, "{\"eventTypes\": []}", "eventTypes");
        refused(endpointId, "{\"eventTypes\": [\"IssueReported\"]}", "eventTypes[0]");
        refused(endpointId, "{\"clientIds\": [\"acme dental\"]}", "clientIds[0]");
        refused(endpointId, "{\"clientIds\": []}", "clientIds");
        refused(endpointId, "{\"url\": \"/hooks\"}", "url");
        refused(endpointId, "{\"enabled\": \"false\"}", "enabled");
        refused(endpointId, "{\"description\": \"two\\nlines\"}", "description");
        refused(endpointId, "{\"description\": \"   \"}", "description");
        refused(endpointId, "{\"filter\": \"\"}", "filter");
        patch(endpointId, "{\"url\": \"https://10.0.0.5/hooks\"}").statusCode(400)
                .body("errors.find { it.field == 'url' }.message", containsString("private address 10.0.0.5"));
        patch(endpointId, "{\"filter\": \"subject == 'acme' &&\\n  severity > 3\"}").statusCode(400)
                .body("errors.find { it.field == 'filter' }.message", containsString("line 2, column"))
                .body("errors.find { it.field == 'filter' }.message", containsString("severity"));
        as(API_KEY_A).contentType("application/json").body("[{\"enabled\": false}]").patch("/webhooks/endpoints/" + endpointId)
                .then().statusCode(400).contentType("application/problem+json");
        as(API_KEY_A).contentType("text/plain").body("enabled=false").patch("/webhooks/endpoints/" + endpointId)
                .then().statusCode(415).contentType("application/problem+json");
        as(API_KEY_A).contentType("application/json-patch+json").body("[{\"op\": \"remove\", \"path\": \"/filter\"}]")
                .patch("/webhooks/endpoints/" + endpointId)
                .then().statusCode(415).contentType("application/problem+json");
        await().atMost(PATIENCE).untilAsserted(() -> as(API_KEY_A).get("/webhooks/endpoints/" + endpointId)
                .then().statusCode(200).body("url", equalTo("https://partner.example/hooks"))
                .body("eventTypes", equalTo(List.of(ISSUE_REPORTED))).body("enabled", equalTo(true)));
    }

    @Test
    void anUnknownEndpoint_andAnotherTenants_are404() {
        String endpointId = register("{\"url\": \"https://partner.example/hooks\", \"eventTypes\": [\"" + ISSUE_REPORTED + "\"]}");

        as(API_KEY_B).contentType("application/json").body("{\"enabled\": false}").patch("/webhooks/endpoints/" + endpointId)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No webhook endpoint with id '" + endpointId + "'."));
        as(API_KEY_B).delete("/webhooks/endpoints/" + endpointId)
                .then().statusCode(404).contentType("application/problem+json");
        String unknown = UUID.randomUUID().toString();
        as(API_KEY_A).contentType("application/json").body("{\"enabled\": false}").patch("/webhooks/endpoints/" + unknown)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No webhook endpoint with id '" + unknown + "'."));
        as(API_KEY_A).delete("/webhooks/endpoints/" + unknown).then().statusCode(404).contentType("application/problem+json");
        awaitShown(endpointId, "enabled", true);
    }

    @Test
    void aDeletedEndpoint_is404_everywhere_andDeletingAgainIs404_unlessRetriedWithItsKey() {
        String key = UUID.randomUUID().toString();
        String endpointId = as(API_KEY_A).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"url\": \"https://partner.example/hooks\", \"eventTypes\": [\"" + ISSUE_REPORTED + "\"]}")
                .post("/webhooks/endpoints").then().statusCode(201).extract().path("endpointId");
        String deleteKey = UUID.randomUUID().toString();

        as(API_KEY_A).header("Idempotency-Key", deleteKey).delete("/webhooks/endpoints/" + endpointId)
                .then().statusCode(204);

        await().atMost(PATIENCE).untilAsserted(() -> as(API_KEY_A).get("/webhooks/endpoints/" + endpointId)
                .then().statusCode(404).contentType("application/problem+json"));
        as(API_KEY_A).get("/webhooks/endpoints").then().statusCode(200).body("endpoints.endpointId", not(hasItem(endpointId)));
        as(API_KEY_A).get("/webhooks/endpoints/" + endpointId + "/deliveries").then().statusCode(404);
        as(API_KEY_A).delete("/webhooks/endpoints/" + endpointId).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No webhook endpoint with id '" + endpointId + "'."));
        as(API_KEY_A).header("Idempotency-Key", deleteKey).delete("/webhooks/endpoints/" + endpointId)
                .then().statusCode(204).header("Idempotent-Replayed", "true");
        as(API_KEY_A).contentType("application/json").body("{\"enabled\": true}").patch("/webhooks/endpoints/" + endpointId)
                .then().statusCode(404).contentType("application/problem+json");
        as(API_KEY_A).post("/webhooks/endpoints/" + endpointId + "/secret/rotation")
                .then().statusCode(404).contentType("application/problem+json");
        as(API_KEY_A).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"url\": \"https://partner.example/hooks\", \"eventTypes\": [\"" + ISSUE_REPORTED + "\"]}")
                .post("/webhooks/endpoints")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("DELETED"));
    }

    @Test
    void theOpenApi_statesThePatchsConstraints_forBothMediaTypes() {
        JsonPath api = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        String patch = "paths.'/webhooks/endpoints/{endpointId}'.patch";
        assertThat(api.getMap(patch + ".requestBody.content")).containsOnlyKeys("application/merge-patch+json",
                "application/json");
        assertThat(api.getMap("paths.'/webhooks/endpoints/{endpointId}'")).containsKeys("get", "patch", "delete");
        String schema = "components.schemas.PatchWebhookEndpointRequest";
        assertThat(api.getBoolean(schema + ".additionalProperties")).isFalse();
        assertThat(api.getInt(schema + ".properties.eventTypes.minItems")).isEqualTo(1);
        assertThat(api.getInt(schema + ".properties.eventTypes.maxItems")).isEqualTo(100);
        assertThat(api.getString(schema + ".properties.eventTypes.items.pattern")).isEqualTo(EndpointRules.EVENT_TYPE);
        assertThat(api.getInt(schema + ".properties.url.maxLength")).isEqualTo(2000);
        assertThat(api.getString(schema + ".properties.url.pattern")).isEqualTo(EndpointRules.URL);
        assertThat(api.getInt(schema + ".properties.filter.maxLength")).isEqualTo(2000);
        assertThat(api.getInt(schema + ".properties.clientIds.maxItems")).isEqualTo(500);
        assertThat(api.getString(schema + ".properties.clientIds.items.pattern")).isEqualTo(EndpointRules.CLIENT_ID);
        assertThat(api.getInt(schema + ".properties.description.maxLength")).isEqualTo(500);
        assertThat(api.getString(schema + ".properties.description.pattern")).isEqualTo(EndpointRules.DESCRIPTION);
        assertThat(api.getList(schema + ".properties.filter.type")).contains("null");
        assertThat(api.getString("components.schemas.RegisterWebhookEndpointRequest.properties.description.pattern"))
                .isEqualTo(EndpointRules.DESCRIPTION);
        assertThat(api.getMap("components.schemas.WebhookEndpointDetails.properties")).containsKeys("enabled", "description");
    }

    private static void refused(String endpointId, String body, String field) {
        patch(endpointId, body).statusCode(400).contentType("application/problem+json").body("errors.field", hasItems(field));
    }

    private static RequestSpecification as(String apiKey) {
        return given().header("Authorization", bearer(apiKey)).when();
    }

    private static ValidatableResponse patch(String endpointId, String body) {
        return as(API_KEY_A).contentType("application/json").body(body).patch("/webhooks/endpoints/" + endpointId).then();
    }

    private static void awaitShown(String endpointId, String path, Object value) {
        await().atMost(PATIENCE).untilAsserted(() -> as(API_KEY_A).get("/webhooks/endpoints/" + endpointId)
                .then().statusCode(200).body(path, equalTo(value)));
    }

    /** Registers an endpoint and waits until the read model (and so deliveries) shows it. */
    private static String register(String body) {
        String endpointId = as(API_KEY_A).contentType("application/json").body(body).post("/webhooks/endpoints")
                .then().statusCode(201).extract().path("endpointId");
        await().atMost(PATIENCE).untilAsserted(() -> as(API_KEY_A).get("/webhooks/endpoints/" + endpointId)
                .then().statusCode(200));
        return endpointId;
    }
}
