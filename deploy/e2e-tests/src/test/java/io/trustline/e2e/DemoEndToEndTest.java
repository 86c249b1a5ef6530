package io.trustline.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.trustline.incident.api.IncidentTopics;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.local.LocalPlatform;
import io.trustline.local.LocalPlatformSettings;
import io.trustline.local.demo.Demo;
import io.trustline.local.demo.TrustlineApi;
import io.trustline.relationship.api.RelationshipTopics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import io.trustline.e2e.browser.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * {@code ./trustline demo} on the packaged services: the five seed stories, played through the public APIs into the
 * demo tenant, read as a reader of the seeds expects them under the default model; a second run adds nothing. Then
 * the console shows them so in a browser (its screenshots of the demo are the ones the README shows).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedPlatform.class)
class DemoEndToEndTest {

    private static final String KEY = LocalPlatformSettings.DEMO_API_KEY;

    private static LocalPlatform platform;
    private static PlatformClient client;
    private static TrustlineApi api;

    @BeforeAll
    static void startPlatform() {
        platform = SharedPlatform.platform();
        client = new PlatformClient(platform, KEY);
        Map<String, String> urls = new LinkedHashMap<>();
        platform.services().forEach(service -> urls.put(service.name(), service.baseUrl()));
        api = new TrustlineApi(urls, KEY);
    }

    @Test
    @Order(1)
    void theFiveStories_readAsTheSeedsTellThem_andASecondRunAddsNothing() {
        long first = System.nanoTime();
        List<Demo.StoryOutcome> outcomes = new Demo(api, System.out).play();
        Duration firstRun = Duration.ofNanos(System.nanoTime() - first);
        outcomes.forEach(outcome -> System.out.println(outcome.line()));

        // 000: the flowers lift loyalty
        Map<String, Object> flowers = point("rosewood-bookkeeping", "GoodwillGesture");
        assertThat(score(flowers, "loyalty", "after")).as("loyalty at the flowers")
                .isGreaterThan(score(flowers, "loyalty", "before"));

        // 001: the expectation asked as five questions, met on time
        // incident's read model follows its events; the demo waited for the relationship service's timeline
        JsonPath incident = await().atMost(Duration.ofSeconds(30)).until(() -> given().spec(client.json())
                        .baseUri(client.url("incident")).queryParam("clientId", "harbour-dental").when().get("/incidents")
                        .then().statusCode(200).extract().jsonPath(),
                found -> "MET".equals(found.getString("items[0].targets.resolve.status")));
        String issueId = incident.getString("items[0].issueId");
        JsonPath issue = given().spec(client.json()).baseUri(client.url("intake")).when().get("/issues/" + issueId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(issue.getMap("expectation")).containsKeys("who", "what", "when", "where", "how");
        assertThat(issue.getString("expectation.who.scope")).isEqualTo("EVERYONE");
        assertThat(issue.getString("expectation.what.impact")).isEqualTo("STOPPED");
        assertThat(issue.getString("expectation.when.reason")).isEqualTo("payroll is due tomorrow");
        assertThat(issue.getString("expectation.where.workMode")).isEqualTo("ON_SITE");
        assertThat(issue.getList("expectation.how.acceptanceChecks")).hasSize(2);
        assertThat(types("harbour-dental")).contains("ExpectationMet").doesNotContain("ExpectationMissed");

        // 002: the silent client is at high risk, the overdue meeting among the causes, in the at-risk list too
        JsonPath silent = churnRisk("cheddar-logistics");
        assertThat(silent.getString("level")).isEqualTo("HIGH");
        assertThat(silent.getList("causes.kind", String.class)).contains("MEETING_OVERDUE");
        await().atMost(Duration.ofSeconds(30)).until(() -> portfolio(Map.of("risk", "HIGH")).keySet(),
                atRisk -> atRisk.contains("cheddar-logistics"));

        // 003: loyalty kept despite lower trust
        JsonPath stays = churnRisk("oldfield-law");
        assertThat(stays.getDouble("trust")).as("003 trust").isLessThan(50.0);
        assertThat(stays.getDouble("loyalty")).as("003 loyalty").isGreaterThanOrEqualTo(50.0)
                .isGreaterThan(stays.getDouble("trust"));

        // 004: loyal — high loyalty, raised by the offers refused, not at high risk
        JsonPath loyal = churnRisk("steadfast-manufacturing");
        assertThat(loyal.getDouble("loyalty")).as("004 loyalty").isGreaterThanOrEqualTo(70.0);
        assertThat(loyal.getString("level")).isNotEqualTo("HIGH");
        List<Map<String, Object>> offers = client.timelinePoints("steadfast-manufacturing", Map.of()).stream()
                .filter(point -> "CompetitorOfferDeclined".equals(event(point).get("type"))).toList();
        assertThat(offers).hasSize(3).allSatisfy(offer ->
                assertThat(score(offer, "loyalty", "after")).isGreaterThan(score(offer, "loyalty", "before")));

        Map<String, Object> before = settled();
        long second = System.nanoTime();
        new Demo(api, System.out).play();
        Duration secondRun = Duration.ofNanos(System.nanoTime() - second);
        assertThat(settled()).as("everything the platform holds, after a second run").isEqualTo(before);
        System.out.printf("demo: first run %d ms, second run %d ms%n", firstRun.toMillis(), secondRun.toMillis());
    }

    @Test
    @Order(2)
    void theConsole_showsTheSilentClientAtRiskFirst_andTheFlowersLiftingLoyalty() {
        Browser.assumeInstalled();
        List<String> stories = Demo.stories().stream().map(Demo.SeedStoryView::clientId).toList();
        assertThat(portfolio(Map.of()).keySet()).as("the demo played (the first test)").containsAll(stories);
        String console = platform.service(LocalPlatformSettings.CONSOLE).baseUrl();
        try (Browser browser = Browser.start()) {
            browser.open(console + "/");
            browser.find("#apiKey").sendKeys(KEY);
            browser.find("form button[type=submit]").click();
            browser.awaitLoaded();

            List<WebElement> rows = browser.findAll("tr[data-client]");
            assertThat(rows).extracting(row -> row.getAttribute("data-client")).containsExactlyInAnyOrderElementsOf(stories);
            assertThat(rows.get(0).getAttribute("data-client")).as("the first of the at-risk list").isEqualTo("cheddar-logistics");
            assertThat(rows.get(0).findElement(By.cssSelector(".level")).getText()).isEqualTo("HIGH");
            assertThat(rows.get(0).findElement(By.cssSelector(".causes")).getText()).containsIgnoringCase("meeting");
            browser.checkLayout("demo-portfolio");

            browser.open(console + "/clients/rosewood-bookkeeping");
            WebElement flowers = browser.findAll("#points tr[id]").stream()
                    .filter(row -> row.findElement(By.cssSelector("td:nth-child(2)")).getText().equals("GoodwillGesture"))
                    .findFirst().orElseThrow(() -> new AssertionError("no GoodwillGesture row on the client page"));
            assertThat(flowers.findElement(By.cssSelector("td.loyalty .delta-up")).getText()).startsWith("+");
            assertThat(flowers.findElement(By.cssSelector("td.why")).getText()).containsIgnoringCase("loyalty");
            browser.checkLayout("demo-client-rosewood-bookkeeping");

            browser.open(console + "/clients/steadfast-manufacturing");
            assertThat(Double.parseDouble(browser.find("#loyalty-now").getText())).as("004 loyalty on the page")
                    .isGreaterThanOrEqualTo(70.0);
            assertThat(browser.find("#risk-level").getText()).isNotEqualTo("HIGH");
            browser.checkLayout("demo-client-steadfast-manufacturing");
        }
    }

    /** What the platform holds, once two looks a few seconds apart agree (the services catch up asynchronously). */
    private static Map<String, Object> settled() {
        AtomicReference<Map<String, Object>> last = new AtomicReference<>(snapshot());
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofSeconds(3)).pollInterval(Duration.ofSeconds(3))
                .until(() -> {
                    Map<String, Object> now = snapshot();
                    return now.equals(last.getAndSet(now));
                });
        return last.get();
    }

    private static Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new TreeMap<>();
        for (String topic : List.of(IntakeTopics.EVENTS, IncidentTopics.EVENTS, RelationshipTopics.EVENTS)) {
            snapshot.put("records on " + topic, client.recordsOf(LocalPlatformSettings.DEMO_TENANT, topic));
        }
        snapshot.put("portfolio (client: events)", portfolio(Map.of()));
        for (Demo.SeedStoryView story : Demo.stories()) {
            snapshot.put("timeline points of " + story.clientId(),
                    client.timelinePoints(story.clientId(), Map.of()).size());
        }
        snapshot.put("integrations", given().spec(client.json()).baseUri(client.url("intake")).when()
                .get("/integrations").then().statusCode(200).extract().jsonPath().getList("items").size());
        return snapshot;
    }

    private static Map<String, Integer> portfolio(Map<String, String> query) {
        JsonPath page = given().spec(client.json()).baseUri(client.url("relationship")).queryParams(query)
                .queryParam("limit", 500).when().get("/clients").then().statusCode(200).extract().jsonPath();
        Map<String, Integer> events = new TreeMap<>();
        page.getList("clients", Map.class).forEach(entry ->
                events.put((String) entry.get("clientId"), ((Number) entry.get("eventCount")).intValue()));
        return events;
    }

    private static JsonPath churnRisk(String clientId) {
        return given().spec(client.json()).baseUri(client.url("relationship"))
                .when().get("/clients/" + clientId + "/churn-risk").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> types(String clientId) {
        return client.timelineEvents(clientId).stream().map(PlatformClient.TimelineEvent::type).toList();
    }

    private static Map<String, Object> point(String clientId, String type) {
        return client.timelinePoints(clientId, Map.of()).stream()
                .filter(point -> type.equals(event(point).get("type"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> event(Map<String, Object> point) {
        return (Map<String, Object>) point.get("event");
    }

    @SuppressWarnings("unchecked")
    private static double score(Map<String, Object> point, String dimension, String when) {
        return ((Number) ((Map<String, Object>) point.get(dimension)).get(when)).doubleValue();
    }
}
