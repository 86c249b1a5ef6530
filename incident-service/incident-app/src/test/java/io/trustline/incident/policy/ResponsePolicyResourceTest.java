package io.trustline.incident.policy;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.API_KEY_B;
import static io.trustline.testkit.TestTenants.bearer;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

// tenant B never sets a policy here, so it shows the built-in in every test
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class ResponsePolicyResourceTest {

    @Test
    void aTenantThatNeverSetAPolicy_getsTheBuiltIn_version0_theScoringModelsTargets() {
        given().header("Authorization", bearer(API_KEY_B)).when().get("/policies/response")
                .then().statusCode(200)
                .body("version", equalTo(0))
                .body("cells.STOPPED.EVERYONE.acknowledge", equalTo("PT15M"))
                .body("cells.STOPPED.EVERYONE.actionPlan", equalTo("PT1H"))
                .body("cells.STOPPED.EVERYONE.updateEvery", equalTo("PT1H"))
                .body("cells.STOPPED.EVERYONE.resolve", equalTo("PT4H"))
                .body("cells.INTERMITTENT.ONE_PERSON.resolve", equalTo("PT120H"))
                .body("withoutExpectation.actionPlan", equalTo("PT4H"));
    }

    @Test
    void eachPut_storesTheNextVersion_andGetAnswersIt() {
        int before = given().header("Authorization", bearer(API_KEY_A)).when().get("/policies/response")
                .then().statusCode(200).extract().path("version");

        Map<String, Object> policy = builtInTable();
        cell(policy, "STOPPED", "EVERYONE").put("acknowledge", "PT5M");
        put(API_KEY_A, policy).then().statusCode(200).body("version", equalTo(before + 1));
        given().header("Authorization", bearer(API_KEY_A)).when().get("/policies/response")
                .then().statusCode(200)
                .body("version", equalTo(before + 1))
                .body("cells.STOPPED.EVERYONE.acknowledge", equalTo("PT5M"))
                .body("cells.STOPPED.SITE.acknowledge", equalTo("PT15M"));

        cell(policy, "STOPPED", "EVERYONE").put("acknowledge", "PT10M");
        put(API_KEY_A, policy).then().statusCode(200).body("version", equalTo(before + 2));
        given().header("Authorization", bearer(API_KEY_A)).when().get("/policies/response")
                .then().statusCode(200)
                .body("version", equalTo(before + 2))
                .body("cells.STOPPED.EVERYONE.acknowledge", equalTo("PT10M"));
    }

    @Test
    void aFaultyTable_isRefused_namingEachFaultyCell_andNothingIsStored() {
        int before = given().header("Authorization", bearer(API_KEY_A)).when().get("/policies/response")
                .then().extract().path("version");
        Map<String, Object> policy = builtInTable();
        cell(policy, "STOPPED", "EVERYONE").put("acknowledge", "PT0S");
        cell(policy, "DEGRADED", "TEAM").put("resolve", "-PT1H");
        cell(policy, "DEGRADED", "SITE").put("updateEvery", "an hour");
        row(policy, "INTERMITTENT").remove("TEAM");
        row(policy, "INTERMITTENT").put("GALAXY", cell(policy, "STOPPED", "SITE"));
        cells(policy).put("CATASTROPHIC", Map.of());

        put(API_KEY_A, policy).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder(
                        "cells.STOPPED.EVERYONE.acknowledge", "cells.DEGRADED.TEAM.resolve",
                        "cells.DEGRADED.SITE.updateEvery", "cells.INTERMITTENT.TEAM", "cells.INTERMITTENT.GALAXY",
                        "cells.CATASTROPHIC"))
                .body("errors.message", hasItems("must be a positive ISO-8601 duration"));
        given().header("Authorization", bearer(API_KEY_A)).when().get("/policies/response")
                .then().body("version", equalTo(before));
    }

    @Test
    void aBodyWithoutTheTable_namesBothParts() {
        put(API_KEY_A, Map.of()).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("cells", "withoutExpectation"));
    }

    @Test
    void oneTenantsPolicy_isNotAnothers() {
        Map<String, Object> policy = builtInTable();
        cell(policy, "DEGRADED", "ONE_PERSON").put("resolve", "P30D");
        put(API_KEY_A, policy).then().statusCode(200);

        given().header("Authorization", bearer(API_KEY_B)).when().get("/policies/response")
                .then().statusCode(200)
                .body("version", equalTo(0))
                .body("cells.DEGRADED.ONE_PERSON.resolve", equalTo("PT48H"));
    }

    private static io.restassured.response.Response put(String apiKey, Object body) {
        return given().header("Authorization", bearer(apiKey)).contentType(ContentType.JSON).body(body)
                .when().put("/policies/response");
    }

    /** The built-in table as the API answers it, as mutable maps to change a cell of. */
    private static Map<String, Object> builtInTable() {
        Map<String, Object> answered = given().header("Authorization", bearer(API_KEY_B)).when().get("/policies/response")
                .then().statusCode(200).extract().jsonPath().getMap("");
        Map<String, Object> table = new LinkedHashMap<>();
        Map<String, Object> cells = new LinkedHashMap<>();
        ((Map<String, Map<String, Map<String, String>>>) answered.get("cells")).forEach((impact, row) -> {
            Map<String, Object> copy = new LinkedHashMap<>();
            row.forEach((scope, cell) -> copy.put(scope, new HashMap<>(cell)));
            cells.put(impact, copy);
        });
        table.put("cells", cells);
        table.put("withoutExpectation", answered.get("withoutExpectation"));
        return table;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cells(Map<String, Object> table) {
        return (Map<String, Object>) table.get("cells");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(Map<String, Object> table, String impact) {
        return (Map<String, Object>) cells(table).get(impact);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cell(Map<String, Object> table, String impact, String scope) {
        return (Map<String, Object>) row(table, impact).get(scope);
    }
}
