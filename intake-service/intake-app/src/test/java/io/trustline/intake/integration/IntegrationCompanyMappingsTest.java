package io.trustline.intake.integration;

import static io.trustline.intake.integration.IntegrationRequests.autotask;
import static io.trustline.intake.integration.IntegrationRequests.created;
import static io.trustline.intake.integration.IntegrationRequests.get;
import static io.trustline.intake.integration.IntegrationRequests.putMappings;
import static io.trustline.intake.integration.IntegrationRequests.uniqueSecret;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static io.trustline.testkit.TestTenants.TENANT_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import jakarta.inject.Inject;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class IntegrationCompanyMappingsTest {

    @Inject
    CompanyMappings mappings;

    @Test
    void mappings_areEmptyUntilSet_thenEachPutReplacesTheWholeSet() {
        String id = created(API_KEY_A, autotask("mapped", uniqueSecret("s")));
        get(API_KEY_A, "/integrations/" + id + "/company-mappings").statusCode(200)
                .body("integrationId", equalTo(id))
                .body("mappings", emptyIterable());

        putMappings(API_KEY_A, id, """
                {"mappings": [{"psaCompanyId": "100", "clientId": "acme-dental"}, {"psaCompanyId": "200", "clientId": "harbor-law"}]}""")
                .statusCode(200).body("mappings.psaCompanyId", contains("100", "200"));
        putMappings(API_KEY_A, id, """
                {"mappings": [{"psaCompanyId": "300", "clientId": "acme-dental"}]}""")
                .statusCode(200);

        get(API_KEY_A, "/integrations/" + id + "/company-mappings").statusCode(200)
                .body("mappings", hasSize(1))
                .body("mappings[0].psaCompanyId", equalTo("300"))
                .body("mappings[0].clientId", equalTo("acme-dental"));
        assertThat(mappings.clientFor(TENANT_A, id, "300")).contains("acme-dental");
        assertThat(mappings.clientFor(TENANT_A, id, "100")).as("replaced away").isEmpty();
        assertThat(mappings.clientFor(TENANT_B, id, "300")).as("another tenant's integration").isEmpty();
    }

    @Test
    void aDuplicatePsaCompanyId_is400_namingTheSecondMapping_andKeepsTheStoredSet() {
        String id = created(API_KEY_A, autotask("duplicates", uniqueSecret("s")));
        putMappings(API_KEY_A, id, """
                {"mappings": [{"psaCompanyId": "1", "clientId": "a"}]}""").statusCode(200);

        putMappings(API_KEY_A, id, """
                {"mappings": [{"psaCompanyId": "7", "clientId": "a"}, {"psaCompanyId": "8", "clientId": "b"},
                              {"psaCompanyId": "7", "clientId": "c"}]}""")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("mappings[2].psaCompanyId"))
                .body("errors[0].message", containsString("more than once"));
        get(API_KEY_A, "/integrations/" + id + "/company-mappings").body("mappings.psaCompanyId", contains("1"));
    }

    @Test
    void invalidMappings_are400_namingTheField() {
        String id = created(API_KEY_A, autotask("invalid mappings", uniqueSecret("s")));
        putMappings(API_KEY_A, id, """
                {"mappings": [{"psaCompanyId": "1", "clientId": "acme dental"}]}""")
                .statusCode(400).body("errors.field", hasItem("mappings[0].clientId"));
        putMappings(API_KEY_A, id, """
                {"mappings": [{"psaCompanyId": "%s", "clientId": "a"}]}""".formatted("9".repeat(101)))
                .statusCode(400).body("errors.field", hasItem("mappings[0].psaCompanyId"));
        putMappings(API_KEY_A, id, """
                {"mappings": [{"clientId": "a"}]}""")
                .statusCode(400).body("errors.field", hasItem("mappings[0].psaCompanyId"));
        putMappings(API_KEY_A, id, "{}").statusCode(400).body("errors.field", hasItem("mappings"));
    }

    @Test
    void atMost5000Mappings_areAccepted() {
        String id = created(API_KEY_A, autotask("many mappings", uniqueSecret("s")));
        putMappings(API_KEY_A, id, body(5000)).statusCode(200).body("mappings", hasSize(5000));
        putMappings(API_KEY_A, id, body(5001)).statusCode(400).body("errors.field", hasItem("mappings"));
        assertThat(mappings.clientFor(TENANT_A, id, "c4999")).contains("client-4999");
    }

    private static String body(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "{\"psaCompanyId\": \"c" + i + "\", \"clientId\": \"client-" + i + "\"}")
                .collect(Collectors.joining(", ", "{\"mappings\": [", "]}"));
    }
}
