package io.trustline.relationship.portfolio;

import static io.restassured.RestAssured.given;
import static io.trustline.relationship.portfolio.ChurnRiskQueryTest.awaitEvents;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.API_KEY_B;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.trustline.relationship.scoring.churn.ChurnRisk;
import io.trustline.relationship.scoringmodel.ActiveModels;
import io.trustline.relationship.timeline.ClientEvents;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** GET /clients: the portfolio, current as time passes. */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class PortfolioQueryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

    @Inject
    PortfolioEntries entries;
    @Inject
    ClientEvents events;
    @Inject
    ActiveModels models;

    @Test
    void eachClient_showsItsScores_trends_risk_lastMeeting_andWhenTheNextIsDue() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ClientMoments client = new ClientMoments(uniqueClient());
        client.cadence(now.minus(Duration.ofDays(50)), 14);
        client.feedback(now.minus(Duration.ofDays(45)), 5);
        String meeting = client.meeting(now.minus(Duration.ofDays(3)), true);
        client.feedback(now.minus(Duration.ofDays(2)), 1);

        Map<String, Object> entry = awaitEntry(client.clientId, e -> eventCount(e) == 4);

        assertThat(path(entry, "trust.now")).isEqualTo(50.0);
        assertThat(path(entry, "trust.trend30Days")).as("+3 before the window, -3 in it").isEqualTo(-3.0);
        assertThat(path(entry, "lastMeeting")).isEqualTo(Map.of("eventId", meeting,
                "at", now.minus(Duration.ofDays(3)).toString(), "faceToFace", true));
        assertThat(path(entry, "nextMeetingDueAt")).as("the agreed cadence of 14 days")
                .isEqualTo(now.plus(Duration.ofDays(11)).toString());
        assertThat(path(entry, "risk.level")).isEqualTo("NONE");
        assertThat((double) path(entry, "loyalty.trend30Days"))
                .as("the overdue meeting cost loyalty in the window, the face-to-face meeting gave 3 back")
                .isEqualTo((double) path(entry, "loyalty.now") - loyaltyThirtyDaysBefore(client.clientId, entry));
    }

    @Test
    void aClientWhoHearsNothing_isAtHighRisk_asOfNow_notAsOfItsLastEvent() {
        ClientMoments client = new ClientMoments(uniqueClient());
        String meeting = client.meeting(Instant.now().minus(Duration.ofDays(80)), true);

        Map<String, Object> entry = awaitEntry(client.clientId, e -> true);

        assertThat(path(entry, "risk.level")).isEqualTo("HIGH");
        assertThat(values(entry, "risk.causes.kind")).contains("MEETING_OVERDUE", "LOW_LOYALTY");
        assertThat(values(entry, "risk.causes[0].events.id")).containsExactly(meeting);
        assertThat((double) path(entry, "loyalty.trend30Days")).isNegative();
        assertThat(Instant.parse((String) path(entry, "assessedAt"))).isAfter(Instant.now().minusSeconds(60));
    }

    @Test
    void aStaleAssessment_isReassessedAsOfNow_bySweep() {
        Instant meetingAt = Instant.now().minus(Duration.ofDays(45));
        ClientMoments client = new ClientMoments(uniqueClient());
        client.meeting(meetingAt, true);
        awaitEntry(client.clientId, e -> true);
        // the entry as an assessment made the day after the meeting left it: the client has not moved since
        PortfolioEntry old = PortfolioEntry.assess(client.clientId, models.of(TENANT_A),
                events.all(TENANT_A, client.clientId), meetingAt.plus(Duration.ofDays(1)));
        entries.save(TENANT_A, old);
        assertThat(old.risk().level()).isEqualTo(ChurnRisk.Level.NONE);

        Map<String, Object> entry = awaitEntry(client.clientId,
                e -> Instant.parse((String) path(e, "assessedAt")).isAfter(Instant.now().minusSeconds(60)));

        assertThat(path(entry, "risk.level")).isEqualTo("MEDIUM");
        assertThat(values(entry, "risk.causes.kind")).containsExactly("MEETING_OVERDUE");
        assertThat((double) path(entry, "loyalty.now")).isLessThan(old.loyalty().now());
    }

    @Test
    void ofInstancesRacingForAStaleEntry_exactlyOneClaimsIt() {
        ClientMoments client = new ClientMoments(uniqueClient());
        client.feedback(Instant.now().minus(Duration.ofDays(3)), 4);
        awaitEntry(client.clientId, e -> true);
        PortfolioEntries.Stale stale = new PortfolioEntries.Stale(TENANT_A, client.clientId, 1,
                Instant.parse((String) path(awaitEntry(client.clientId, e -> true), "assessedAt")).toEpochMilli());

        assertThat(List.of(entries.claim(stale, Instant.now()), entries.claim(stale, Instant.now())))
                .containsExactly(true, false);
    }

    @Test
    void theRiskFilter_listsOnlyClientsAtThatLevel() {
        ClientMoments steady = new ClientMoments(uniqueClient());
        steady.meeting(Instant.now().minus(Duration.ofDays(2)), true);
        ClientMoments drifting = new ClientMoments(uniqueClient());
        drifting.meeting(Instant.now().minus(Duration.ofDays(80)), true);
        awaitEntry(steady.clientId, e -> true);
        awaitEntry(drifting.clientId, e -> true);

        List<Map<String, Object>> high = pagedThrough(Map.of("risk", "HIGH", "limit", "500"));
        List<Map<String, Object>> none = pagedThrough(Map.of("risk", "NONE", "limit", "500"));

        assertThat(high).extracting(e -> e.get("clientId")).contains(drifting.clientId).doesNotContain(steady.clientId);
        assertThat(high).extracting(e -> path(e, "risk.level")).containsOnly("HIGH");
        assertThat(none).extracting(e -> e.get("clientId")).contains(steady.clientId).doesNotContain(drifting.clientId);
    }

    @Test
    void sortedByTrust_pagesHoldEveryClientOnce_lowestTrustFirst() {
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        List<String> byTrust = new ArrayList<>();
        for (int csat : new int[] {1, 2, 4, 5}) {
            ClientMoments client = new ClientMoments(uniqueClient());
            client.feedback(yesterday, csat);
            byTrust.add(client.clientId);
        }
        byTrust.forEach(clientId -> awaitEntry(clientId, e -> true));

        List<Map<String, Object>> paged = pagedThrough(Map.of("sort", "trust", "limit", "3"));

        List<Object> ids = paged.stream().map(e -> e.get("clientId")).toList();
        assertThat(ids).doesNotHaveDuplicates().containsSubsequence(byTrust.toArray());
        assertThat(paged).extracting(e -> (double) path(e, "trust.now")).isSorted();
        assertThat(ids).as("the same clients as on one page")
                .containsAll(pagedThrough(Map.of("sort", "trust", "limit", "500")).stream()
                        .map(e -> e.get("clientId")).filter(byTrust::contains).toList());
    }

    @Test
    void sortedByRisk_theHighestComesFirst() {
        ClientMoments drifting = new ClientMoments(uniqueClient());
        drifting.meeting(Instant.now().minus(Duration.ofDays(80)), true);
        awaitEntry(drifting.clientId, e -> true);

        List<Map<String, Object>> paged = pagedThrough(Map.of("limit", "7"));

        List<Object> levels = paged.stream().map(e -> path(e, "risk.level")).toList();
        assertThat(levels).isSortedAccordingTo((a, b) -> ChurnRisk.Level.valueOf((String) b)
                .compareTo(ChurnRisk.Level.valueOf((String) a)));
        assertThat(paged).extracting(e -> e.get("clientId")).contains(drifting.clientId).doesNotHaveDuplicates();
    }

    @Test
    void anotherTenant_seesNoneOfTheseClients() {
        ClientMoments client = new ClientMoments(uniqueClient());
        client.feedback(Instant.now().minus(Duration.ofDays(1)), 4);
        awaitEntry(client.clientId, e -> true);

        List<Object> theirs = given().header("Authorization", bearer(API_KEY_B)).queryParam("limit", 500)
                .when().get("/clients").then().statusCode(200).extract().jsonPath().getList("clients.clientId");

        assertThat(theirs).doesNotContain(client.clientId);
    }

    @Test
    void badParameters_areA400NamingThem() {
        String trustCursor = new PortfolioCursor(PortfolioSort.TRUST, 50.0, "acme").encode();
        for (Map<String, String> bad : List.of(Map.of("risk", "SOMEWHAT"), Map.of("risk", "high"),
                Map.of("sort", "name"), Map.of("limit", "0"), Map.of("limit", "501"), Map.of("limit", "many"),
                Map.of("cursor", "bm90LWEtY3Vyc29y"), Map.of("cursor", "not/base64"), Map.of("cursor", trustCursor))) {
            String field = bad.keySet().iterator().next();
            list(bad).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(field));
        }
    }

    @Test
    void theSchema_saysEveryParametersConstraints() {
        JsonPath openApi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        String parameter = "paths.'/clients'.get.parameters.find { it.name == '%s' }.schema.";

        assertThat(openApi.getList(parameter.formatted("risk") + "enum")).containsExactly("HIGH", "MEDIUM", "LOW", "NONE");
        assertThat(openApi.getList(parameter.formatted("sort") + "enum")).containsExactly("risk", "trust", "loyalty");
        assertThat(openApi.getInt(parameter.formatted("limit") + "minimum")).isEqualTo(1);
        assertThat(openApi.getInt(parameter.formatted("limit") + "maximum")).isEqualTo(500);
        assertThat(openApi.getString(parameter.formatted("cursor") + "pattern")).isEqualTo("[A-Za-z0-9_-]+");
        assertThat(openApi.getString("paths.'/clients/{clientId}/churn-risk'.get.parameters.find { it.name == 'asOf' }"
                + ".schema.pattern")).startsWith("[0-9]{4}-");
    }

    @Test
    void withoutAKey_is401() {
        given().when().get("/clients").then().statusCode(401);
    }

    private double loyaltyThirtyDaysBefore(String clientId, Map<String, Object> entry) {
        Instant assessedAt = Instant.parse((String) path(entry, "assessedAt"));
        return models.of(TENANT_A).timelineAsOf(events.all(TENANT_A, clientId), assessedAt.minus(Duration.ofDays(30)))
                .loyalty();
    }

    private static int eventCount(Map<String, Object> entry) {
        return (int) entry.get("eventCount");
    }

    private static Object path(Map<String, Object> entry, String path) {
        return JsonPath.from(JSON.valueToTree(entry).toString()).using(DOUBLES).get(path);
    }

    private static List<Object> values(Map<String, Object> entry, String path) {
        return JsonPath.from(JSON.valueToTree(entry).toString()).getList(path);
    }

    /** The client's entry once it is listed and satisfies {@code ready}. */
    private static Map<String, Object> awaitEntry(String clientId,
                                                  Predicate<Map<String, Object>> ready) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> pagedThrough(Map.of("sort", "trust", "limit", "500"))
                .stream().filter(e -> clientId.equals(e.get("clientId"))).findFirst().orElse(null),
                entry -> entry != null && ready.test(entry));
    }

    private static List<Map<String, Object>> pagedThrough(Map<String, String> query) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, String> page = new HashMap<>(query);
            if (cursor != null) {
                page.put("cursor", cursor);
            }
            JsonPath answer = list(page).then().statusCode(200).extract().jsonPath();
            all.addAll(answer.getList("clients"));
            cursor = answer.getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    private static Response list(Map<String, String> query) {
        return given().header("Authorization", bearer(API_KEY_A)).queryParams(query).when().get("/clients");
    }
}
