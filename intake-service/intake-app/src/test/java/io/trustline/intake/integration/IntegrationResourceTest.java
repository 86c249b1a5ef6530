package io.trustline.intake.integration;

import static io.restassured.RestAssured.given;
import static io.trustline.intake.integration.IntegrationRequests.autotask;
import static io.trustline.intake.integration.IntegrationRequests.connectWise;
import static io.trustline.intake.integration.IntegrationRequests.created;
import static io.trustline.intake.integration.IntegrationRequests.get;
import static io.trustline.intake.integration.IntegrationRequests.halo;
import static io.trustline.intake.integration.IntegrationRequests.post;
import static io.trustline.intake.integration.IntegrationRequests.uniqueSecret;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.API_KEY_B;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class IntegrationResourceTest {

    @Test
    void anAutotaskIntegration_isCreated_withItsReceiverUrl_andWithoutItsSecret() {
        String secret = uniqueSecret("autotask");
        String body = post(API_KEY_A, autotask("Autotask production", secret))
                .statusCode(201)
                .header("Location", containsString("/integrations/"))
                .body("kind", equalTo("AUTOTASK"))
                .body("name", equalTo("Autotask production"))
                .body("createdAt", notNullValue())
                .body("allowedKeyHosts", emptyIterable())
                .body("secretsSet", contains("webhookSecret"))
                .extract().asString();
        assertThat(body).doesNotContain(secret).doesNotContain("\"webhookSecret\":");
        JsonPath answered = JsonPath.from(body);
        assertThat(answered.getString("receiverUrl")).isEqualTo("/integrations/" + answered.getString("id") + "/events");
    }

    @Test
    void aHaloIntegration_isCreated_andNeitherItsUsernameNorPasswordIsEverAnswered() {
        String username = uniqueSecret("halo-user");
        String password = uniqueSecret("halo-password");
        String id = post(API_KEY_A, halo("Halo", username, password))
                .statusCode(201)
                .body("kind", equalTo("HALO"))
                .body("secretsSet", contains("basicAuth"))
                .extract().path("id");

        List<String> answers = new ArrayList<>();
        answers.add(get(API_KEY_A, "/integrations/" + id).statusCode(200).body("id", equalTo(id)).extract().asString());
        answers.add(get(API_KEY_A, "/integrations?limit=200").statusCode(200).extract().asString());
        for (String answer : answers) {
            assertThat(answer).doesNotContain(username).doesNotContain(password);
        }
    }

    @Test
    void aConnectWiseIntegration_isCreated_withItsAllowedKeyHosts_andNoSecrets() {
        post(API_KEY_A, connectWise("ConnectWise NA", "api-na.myconnectwise.net", "api-eu.myconnectwise.net"))
                .statusCode(201)
                .body("kind", equalTo("CONNECTWISE"))
                .body("allowedKeyHosts", contains("api-na.myconnectwise.net", "api-eu.myconnectwise.net"))
                .body("secretsSet", emptyIterable())
                .body("receiverUrl", endsWith("/events"));
    }

    @Test
    void aMissingSecret_is400_namingTheFieldTheKindRequires() {
        post(API_KEY_A, """
                {"kind": "AUTOTASK", "name": "no secret"}""")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("webhookSecret"));
        post(API_KEY_A, """
                {"kind": "HALO", "name": "no credentials"}""")
                .statusCode(400).body("errors.field", contains("basicAuth"));
        post(API_KEY_A, """
                {"kind": "CONNECTWISE", "name": "no hosts"}""")
                .statusCode(400).body("errors.field", contains("allowedKeyHosts"));
    }

    @Test
    void aSecretOfAnotherKind_is400_namingIt() {
        post(API_KEY_A, """
                {"kind": "HALO", "name": "mixed", "basicAuth": {"username": "u", "password": "p"}, "webhookSecret": "s"}""")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("webhookSecret"));
        post(API_KEY_A, """
                {"kind": "AUTOTASK", "name": "mixed", "webhookSecret": "s", "allowedKeyHosts": ["api-na.myconnectwise.net"]}""")
                .statusCode(400).body("errors.field", contains("allowedKeyHosts"));
        post(API_KEY_A, """
                {"kind": "CONNECTWISE", "name": "mixed", "allowedKeyHosts": ["api-na.myconnectwise.net"],
                 "basicAuth": {"username": "u", "password": "p"}}""")
                .statusCode(400).body("errors.field", contains("basicAuth"));
    }

    @Test
    void invalidFields_are400_namingEach() {
        post(API_KEY_A, """
                {"kind": "SERVICENOW", "name": "x"}""")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("kind"));
        post(API_KEY_A, """
                {"kind": "HALO", "name": "", "basicAuth": {"username": "", "password": "p"}}""")
                .statusCode(400)
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("basicAuth.username"));
        post(API_KEY_A, connectWise("hosts", "https://api-na.myconnectwise.net/path"))
                .statusCode(400).body("errors.field", hasItem(containsString("allowedKeyHosts")));
        post(API_KEY_A, autotask("x".repeat(201), "s"))
                .statusCode(400).body("errors.field", hasItem("name"));
    }

    @Test
    void anotherTenantsIntegration_is404() {
        String id = created(API_KEY_A, autotask("tenant A's", uniqueSecret("s")));

        get(API_KEY_B, "/integrations/" + id).statusCode(404).contentType("application/problem+json");
        get(API_KEY_B, "/integrations/" + id + "/company-mappings").statusCode(404);
        IntegrationRequests.putMappings(API_KEY_B, id, """
                {"mappings": []}""").statusCode(404);
        assertThat(get(API_KEY_B, "/integrations?limit=200").statusCode(200).extract().<List<String>>path("items.id"))
                .doesNotContain(id);
        get(API_KEY_A, "/integrations/" + UUID.randomUUID()).statusCode(404);
    }

    @Test
    void theList_isPaged_withAnOpaqueCursor() {
        for (int i = 0; i < 3; i++) {
            created(API_KEY_B, autotask("paged " + i, uniqueSecret("s")));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().header("Authorization", bearer(API_KEY_B)).queryParam("limit", 2)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .when().get("/integrations").then().statusCode(200).extract();
            List<String> ids = page.path("items.id");
            assertThat(ids).hasSizeLessThanOrEqualTo(2);
            seen.addAll(ids);
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates().isSorted();

        given().header("Authorization", bearer(API_KEY_B)).queryParam("cursor", "bm90LW91cnM")
                .when().get("/integrations").then().statusCode(400).body("errors.field", hasItem("cursor"));
        given().header("Authorization", bearer(API_KEY_B)).queryParam("limit", 0)
                .when().get("/integrations").then().statusCode(400).body("errors.field", hasItem("limit"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKey_answersTheFirstIntegration_andAnotherBodyIs422() {
        String key = "setup-" + UUID.randomUUID();
        String secret = uniqueSecret("s");
        String first = post(API_KEY_A, key, autotask("retried", secret)).statusCode(201).extract().path("id");

        post(API_KEY_A, key, autotask("retried", secret))
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .header("Location", endsWith("/integrations/" + first))
                .body("id", equalTo(first));
        post(API_KEY_A, key, autotask("retried", uniqueSecret("another")))
                .statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("Idempotency-Key"));
        // the key is the tenant's own: another tenant's same key creates its own integration
        String other = post(API_KEY_B, key, autotask("retried", secret)).statusCode(201).extract().path("id");
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void theOpenApiSchema_holdsTheConstraintsAndAnExample_andTheExampleIsAccepted() {
        var openApi = given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.CreateIntegrationRequest.required", hasItem("kind"))
                .body("components.schemas.CreateIntegrationRequest.required", hasItem("name"))
                .body("components.schemas.IntegrationKind.enum", contains("CONNECTWISE", "AUTOTASK", "HALO"))
                .body("components.schemas.CreateIntegrationRequest.properties.name.maxLength", equalTo(200))
                .body("components.schemas.CreateIntegrationRequest.properties.allowedKeyHosts.items.pattern",
                        equalTo(CreateIntegrationRequest.HOST))
                .body("components.schemas.CompanyMapping.properties.clientId.pattern", equalTo("^[A-Za-z0-9._:-]+$"))
                .body("components.schemas.ReplaceCompanyMappingsRequest.properties.mappings.maxItems", equalTo(5000))
                .body("components.schemas.ReplaceCompanyMappingsRequest.examples[0].mappings", notNullValue())
                .body("components.schemas.CreateIntegrationRequest.examples[0].kind", equalTo("AUTOTASK"))
                .extract();
        Object example = openApi.path("components.schemas.CreateIntegrationRequest.examples[0]");
        String id = given().header("Authorization", bearer(API_KEY_A)).contentType("application/json").body(example)
                .when().post("/integrations").then().statusCode(201).extract().path("id");

        Object mappingsExample = openApi.path("components.schemas.ReplaceCompanyMappingsRequest.examples[0]");
        given().header("Authorization", bearer(API_KEY_A)).contentType("application/json").body(mappingsExample)
                .when().put("/integrations/" + id + "/company-mappings").then().statusCode(200)
                .body("mappings.clientId", hasItem("acme-dental"));
    }

    @Test
    void withoutAnApiKey_is401() {
        given().contentType("application/json").body(autotask("x", "s"))
                .when().post("/integrations").then().statusCode(401);
        given().when().get("/integrations").then().statusCode(401);
    }
}
