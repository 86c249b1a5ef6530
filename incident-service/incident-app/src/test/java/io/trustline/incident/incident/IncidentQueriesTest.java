package io.trustline.incident.incident;

import static io.restassured.RestAssured.given;
import static io.trustline.incident.intake.IntakeEvents.publishIssueReported;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.API_KEY_B;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A service manager's questions: which incidents does this client have, which are still open, what happened. */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class IncidentQueriesTest {

    @Test
    void aClientsIncidents_comePageByPage_filteredByState() {
        String clientId = uniqueClient();
        List<String> opened = List.of(open(clientId), open(clientId), open(clientId));
        String resolved = opened.get(1);
        post(resolved, "resolution", "{\"summary\": \"fixed\"}");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                page(API_KEY_A, Map.of("clientId", clientId, "state", "RESOLVED")).getList("items").size() == 1);

        JsonPath first = page(API_KEY_A, Map.of("clientId", clientId, "limit", 2));
        JsonPath second = page(API_KEY_A, Map.of("clientId", clientId, "limit", 2, "cursor", first.getString("nextCursor")));

        List<String> paged = new ArrayList<>(first.getList("items.issueId", String.class));
        paged.addAll(second.getList("items.issueId", String.class));
        assertThat(first.getList("items")).hasSize(2);
        assertThat(second.getList("items")).hasSize(1);
        assertThat(second.getString("nextCursor")).isNull();
        assertThat(paged).containsExactlyInAnyOrderElementsOf(opened).doesNotHaveDuplicates();
        assertThat(page(API_KEY_A, Map.of("clientId", clientId, "state", "RESOLVED")).getList("items.issueId"))
                .containsExactly(resolved);
        assertThat(page(API_KEY_A, Map.of("clientId", clientId, "state", "OPEN")).getList("items.issueId", String.class))
                .containsExactlyInAnyOrder(opened.get(0), opened.get(2));
        assertThat(page(API_KEY_B, Map.of("clientId", clientId)).getList("items")).as("another tenant's view").isEmpty();
    }

    @Test
    void anIncident_showsItsHistory_oldestFirst() {
        String issueId = open(uniqueClient());
        post(issueId, "acknowledgement", "{\"by\": \"Sam Tech\"}");
        post(issueId, "resolution", "{\"summary\": \"fixed\"}");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(incident(issueId).getList("history.type")).containsExactly(
                        "IncidentOpened", "IssueAcknowledged", "IssueResolved"));
        JsonPath incident = incident(issueId);
        assertThat(incident.getList("history.eventId", String.class)).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(incident.getString("history[0].occurredAt")).isEqualTo(incident.getString("openedAt"));
    }

    @Test
    void aBadFilter_is400_namingIt() {
        given().header("Authorization", bearer(API_KEY_A)).queryParam("state", "CLOSED")
                .when().get("/incidents")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("state"));
        given().header("Authorization", bearer(API_KEY_A)).queryParam("limit", 0)
                .when().get("/incidents")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("limit"));
        given().header("Authorization", bearer(API_KEY_A)).queryParam("cursor", "bm90LWEtY3Vyc29y")
                .when().get("/incidents")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("cursor"));
    }

    private static String open(String clientId) {
        String issueId = UUID.randomUUID().toString();
        publishIssueReported(clientId, issueId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", bearer(API_KEY_A)).when().get("/incidents/" + issueId)
                        .then().statusCode(200));
        return issueId;
    }

    private static void post(String issueId, String path, String body) {
        given().header("Authorization", bearer(API_KEY_A)).contentType("application/json").body(body)
                .when().post("/incidents/" + issueId + "/" + path)
                .then().statusCode(201);
    }

    private static JsonPath incident(String issueId) {
        return given().header("Authorization", bearer(API_KEY_A)).when().get("/incidents/" + issueId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath page(String apiKey, Map<String, ?> query) {
        return given().header("Authorization", bearer(apiKey)).queryParams(query)
                .when().get("/incidents")
                .then().statusCode(200).extract().jsonPath();
    }
}
