package io.trustline.relationship.portfolio;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.API_KEY_B;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /clients/{clientId}/churn-risk over the events the service consumed. */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class ChurnRiskQueryTest {

    private static final Instant REPORTED = Instant.parse("2026-03-02T08:15:00Z");

    @Test
    void chasesAndMissedExpectations_raiseTheRiskToHigh_namingTheirEvents() {
        ClientMoments client = new ClientMoments(uniqueClient());
        client.reported(REPORTED);
        client.expected(REPORTED.plusSeconds(390));
        String chase1 = client.chased(REPORTED.plus(Duration.ofHours(2)));
        String chase2 = client.chased(REPORTED.plus(Duration.ofHours(3)));
        String miss1 = client.missed(REPORTED.plus(Duration.ofDays(1)));
        String miss2 = client.missed(REPORTED.plus(Duration.ofDays(2)));
        awaitEvents(client.clientId, 6);

        JsonPath risk = churnRisk(client.clientId, Map.of("asOf", "2026-03-05T00:00:00Z")).then().statusCode(200)
                .extract().jsonPath();

        assertThat(risk.getString("clientId")).isEqualTo(client.clientId);
        assertThat(risk.getString("asOf")).isEqualTo("2026-03-05T00:00:00Z");
        assertThat(risk.getString("modelId")).isEqualTo("trustline-default@1");
        assertThat(risk.getString("level")).isEqualTo("HIGH");
        assertThat(risk.getList("causes.kind")).contains("CLIENT_CHASING", "REPEATED_MISSES", "TRUST_DROP");
        assertThat(risk.getList(cause("CLIENT_CHASING", "events.id"))).containsExactly(chase1, chase2);
        assertThat(risk.getList(cause("CLIENT_CHASING", "events.type")))
                .containsExactly("ClientChasedUpdate", "ClientChasedUpdate");
        assertThat(risk.getList(cause("CLIENT_CHASING", "events.occurredAt")))
                .containsExactly("2026-03-02T10:15:00Z", "2026-03-02T11:15:00Z");
        assertThat(risk.getList(cause("REPEATED_MISSES", "events.id"))).containsExactly(miss1, miss2);
        assertThat(risk.getList(cause("TRUST_DROP", "events.id"))).contains(miss1, miss2);
        assertThat(risk.getString(cause("TRUST_DROP", "sentence"))).startsWith("trust down ");
    }

    @Test
    void asOfBeforeTheRiskyEvents_showsTheLowerLevelOfThatTime() {
        ClientMoments client = new ClientMoments(uniqueClient());
        client.reported(REPORTED);
        client.chased(REPORTED.plus(Duration.ofHours(2)));
        client.chased(REPORTED.plus(Duration.ofHours(3)));
        client.missed(REPORTED.plus(Duration.ofDays(1)));
        client.missed(REPORTED.plus(Duration.ofDays(2)));
        awaitEvents(client.clientId, 5);

        JsonPath before = churnRisk(client.clientId, Map.of("asOf", "2026-03-02T09:00:00Z")).then().statusCode(200)
                .extract().jsonPath();
        JsonPath afterTheChases = churnRisk(client.clientId, Map.of("asOf", "2026-03-02T12:00:00Z")).then()
                .statusCode(200).extract().jsonPath();

        assertThat(before.getString("level")).isEqualTo("NONE");
        assertThat(before.getList("causes")).isEmpty();
        assertThat(afterTheChases.getString("level")).isEqualTo("LOW");
        assertThat(afterTheChases.getList("causes.kind")).containsExactly("CLIENT_CHASING");
    }

    @Test
    void withoutAsOf_theRiskIsAssessedNow_withTheDecaySinceTheLastEvent() {
        ClientMoments client = new ClientMoments(uniqueClient());
        String meeting = client.meeting(Instant.now().minus(Duration.ofDays(90)), true);
        awaitEvents(client.clientId, 1);

        JsonPath risk = churnRisk(client.clientId, Map.of()).then().statusCode(200).extract().jsonPath();

        assertThat(Instant.parse(risk.getString("asOf"))).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(risk.getString("level")).isEqualTo("HIGH");
        assertThat(risk.getList(cause("MEETING_OVERDUE", "events.id"))).containsExactly(meeting);
        assertThat(risk.getList(cause("LOW_LOYALTY", "events.type"))).containsOnly("ClockTick");
    }

    @Test
    void anotherTenantsClient_andAClientWithoutEvents_are404ProblemDocuments() {
        ClientMoments client = new ClientMoments(uniqueClient());
        client.feedback(Instant.now().minus(Duration.ofDays(1)), 4);
        awaitEvents(client.clientId, 1);

        given().header("Authorization", bearer(API_KEY_B)).when().get("/clients/" + client.clientId + "/churn-risk")
                .then().statusCode(404).contentType("application/problem+json");
        churnRisk(uniqueClient(), Map.of()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aBadAsOf_isA400NamingIt() {
        churnRisk(uniqueClient(), Map.of("asOf", "yesterday")).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("asOf"));
        churnRisk(uniqueClient(), Map.of("asOf", "2026-02-30T00:00:00Z")).then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
    }

    /** The path to a field of the cause of this kind. */
    private static String cause(String kind, String field) {
        return "causes.find { it.kind == '" + kind + "' }." + field;
    }

    static Response churnRisk(String clientId, Map<String, String> query) {
        return given().header("Authorization", bearer(API_KEY_A)).queryParams(query).when()
                .get("/clients/" + clientId + "/churn-risk");
    }

    /** Waits until the client's timeline holds {@code count} event points: all its events were consumed. */
    static void awaitEvents(String clientId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response timeline = given().header("Authorization", bearer(API_KEY_A))
                    .when().get("/clients/" + clientId + "/timeline");
            return timeline.statusCode() == 200
                    && timeline.jsonPath().getList("points.findAll { it.kind == 'EVENT' }").size() >= count;
        });
    }
}
