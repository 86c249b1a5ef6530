package io.trustline.relationship.models;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.API_KEY_B;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Model versions stored per tenant at run time, and read back by the timeline's what-if. */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class ModelResourceTest {

    @Test
    void aYamlModel_isStored_thenListed_andStoringItAgainIsA200WithTheSameModel() {
        String name = ModelFiles.uniqueName("acme");
        String yaml = ModelFiles.yaml(name, 2);

        post("application/yaml", yaml).then().statusCode(201)
                .header("Location", containsString("/models/" + name + "@2"))
                .body("id", equalTo(name + "@2"))
                .body("source", equalTo("STORED"))
                .body("active", equalTo(false))
                .body("content.trust.clientChased", equalTo(-3.0f));
        post("application/x-yaml", yaml).then().statusCode(200).body("id", equalTo(name + "@2"));

        JsonPath list = as(API_KEY_A).get("/models").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("models.id")).contains("trustline-default@1", name + "@2");
        assertThat(list.getString("activeModelId")).isEqualTo("trustline-default@1");
        as(API_KEY_A).get("/models/" + name + "@2").then().statusCode(200).body("content.model", equalTo(name));
    }

    @Test
    void aJsonModel_isStoredToo() throws Exception {
        String name = ModelFiles.uniqueName("json");
        java.util.Map<String, Object> content = new java.util.HashMap<>(as(API_KEY_A).get("/models/trustline-default@1")
                .then().statusCode(200).extract().jsonPath().getMap("content"));
        content.put("model", name);

        post("application/json", new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(content))
                .then().statusCode(201).body("id", equalTo(name + "@1"));
    }

    @Test
    void modelsArePerTenant() {
        String name = ModelFiles.uniqueName("private");
        post("application/yaml", ModelFiles.yaml(name, 1)).then().statusCode(201);

        as(API_KEY_B).get("/models").then().statusCode(200).body("models.id", not(hasItem(name + "@1")));
        as(API_KEY_B).get("/models/" + name + "@1").then().statusCode(404);
    }

    @Test
    void aBrokenModel_isA400_listingEveryFaultyKeyByItsPath() {
        String yaml = ModelFiles.yaml(ModelFiles.uniqueName("broken"), 1,
                "clientChased: -3", "clientChasd: -3",
                "competitorOfferDeclined: 12", "competitorOfferDeclined: twelve");

        JsonPath problem = post("application/yaml", yaml).then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath();

        assertThat(problem.getList("errors.field", String.class))
                .contains("trust.clientChasd", "trust.clientChased", "loyalty.competitorOfferDeclined");
        assertThat(problem.getList("errors.message", String.class)).anySatisfy(m -> assertThat(m).startsWith("unknown key"));
    }

    @Test
    void aValueProblem_namesItsKey() {
        JsonPath problem = post("application/yaml", ModelFiles.yaml(ModelFiles.uniqueName("signs"), 1,
                "clientChased: -3", "clientChased: 3")).then().statusCode(400).extract().jsonPath();

        assertThat(problem.getList("errors.field", String.class)).containsExactly("trust.clientChased");
    }

    @Test
    void theSameIdWithOtherContent_isA409NamingIt() {
        String name = ModelFiles.uniqueName("fixed");
        post("application/yaml", ModelFiles.yaml(name, 1)).then().statusCode(201);

        post("application/yaml", ModelFiles.generousAboutOffers(name)).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString(name + "@1"));
        post("application/yaml", ModelFiles.yaml("trustline-default", 1, "clientChased: -3", "clientChased: -1"))
                .then().statusCode(409).body("detail", containsString("trustline-default@1"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKey_isReplayed_andTheKeyWithAnotherModelIs422() {
        String name = ModelFiles.uniqueName("keyed");
        String key = ModelFiles.uniqueName("key");
        keyed(key, ModelFiles.yaml(name, 1)).then().statusCode(201);

        keyed(key, ModelFiles.yaml(name, 1)).then().statusCode(200).header("Idempotent-Replayed", "true");
        keyed(key, ModelFiles.yaml(name, 2)).then().statusCode(422);
    }

    @Test
    void theTimelineWhatIf_canNameAStoredModel() {
        String name = ModelFiles.uniqueName("offers");
        post("application/yaml", ModelFiles.generousAboutOffers(name)).then().statusCode(201);
        String clientId = uniqueClient();
        as(API_KEY_A).contentType("application/json")
                .body("{\"competitor\": \"Cheap IT Ltd\", \"offer\": \"20% off for a year\"}")
                .post("/clients/" + clientId + "/offers-declined").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                as(API_KEY_A).get("/clients/" + clientId + "/timeline").statusCode() == 200);

        JsonPath whatIf = as(API_KEY_A).queryParam("model", name + "@1").get("/clients/" + clientId + "/timeline")
                .then().statusCode(200).extract().jsonPath();

        assertThat(whatIf.getString("modelId")).isEqualTo(name + "@1");
        assertThat(whatIf.getDouble("loyalty")).isEqualTo(80.0);
        as(API_KEY_B).queryParam("model", name + "@1").get("/clients/" + uniqueClient() + "/timeline")
                .then().statusCode(400).body("errors[0].field", equalTo("model"));
    }

    private static io.restassured.response.Response post(String contentType, String body) {
        return as(API_KEY_A).contentType(contentType).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/models");
    }

    private static io.restassured.response.Response keyed(String key, String yaml) {
        return as(API_KEY_A).header("Idempotency-Key", key).contentType("application/yaml").body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/models");
    }

    private static RequestSpecification as(String apiKey) {
        return given().header("Authorization", bearer(apiKey)).when();
    }
}
