package io.trustline.intake.integration;

import static io.restassured.RestAssured.given;
import static io.trustline.intake.integration.IntegrationRequests.autotask;
import static io.trustline.intake.integration.IntegrationRequests.connectWise;
import static io.trustline.intake.integration.IntegrationRequests.created;
import static io.trustline.intake.integration.IntegrationRequests.halo;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.trustline.testkit.MalformedBodies;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class IntegrationCorpusTest {

    @Inject
    MongoClient mongo;
    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void everyMalformedIntegration_isRefusedWith4xxProblemJson_andNothingIsStored() {
        String openApi = openApi();
        List<MalformedBodies.Variant> variants = new ArrayList<>();
        variants.addAll(MalformedBodies.forPost(openApi, "/integrations", halo("Halo", "trustline", "secret")));
        variants.addAll(MalformedBodies.forPost(openApi, "/integrations", connectWise("CW", "api-na.myconnectwise.net")));
        variants.addAll(MalformedBodies.forPost(openApi, "/integrations", autotask("Autotask", "secret")));
        assertThat(variants).extracting(MalformedBodies.Variant::name).contains(
                "kind: enum ordinal 0", "name: NUL in text", "name: maxLength 200 + 1",
                "basicAuth.password: NUL in text", "allowedKeyHosts[0]: NUL in text");

        long before = storedOfTenantA();
        MalformedBodies.assertEachRefused(variants, body -> answer(given().header("Authorization", bearer(API_KEY_A))
                .contentType("application/json").body(body).when().post("/integrations")));
        assertThat(storedOfTenantA()).as("integrations stored for refused bodies").isEqualTo(before);
    }

    @Test
    void everyMalformedMappingSet_isRefusedWith4xxProblemJson() {
        String id = created(API_KEY_A, autotask("corpus", "secret"));
        List<MalformedBodies.Variant> variants = MalformedBodies.forPut(openApi(), "/integrations/{integrationId}/company-mappings",
                """
                {"mappings": [{"psaCompanyId": "19284", "clientId": "acme-dental"}]}""");
        assertThat(variants).extracting(MalformedBodies.Variant::name).contains("mappings[0].clientId: NUL in text");

        MalformedBodies.assertEachRefused(variants, body -> answer(given().header("Authorization", bearer(API_KEY_A))
                .contentType("application/json").body(body).when().put("/integrations/" + id + "/company-mappings")));
    }

    private static String openApi() {
        return given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
    }

    private long storedOfTenantA() {
        return mongo.getDatabase(database).getCollection(Integrations.COLLECTION).countDocuments(Filters.eq("tenantId", TENANT_A));
    }

    private static MalformedBodies.Answer answer(Response response) {
        return new MalformedBodies.Answer(response.statusCode(), response.contentType(), response.asString());
    }
}
