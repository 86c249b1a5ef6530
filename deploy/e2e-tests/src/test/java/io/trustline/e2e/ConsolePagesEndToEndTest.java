package io.trustline.e2e;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.trustline.e2e.browser.Browser;
import io.trustline.infra.launcher.TrustlineHome;
import io.trustline.local.LocalPlatform;
import io.trustline.local.LocalPlatformSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's incident, live stream, webhooks and models pages in headless Chromium against the packaged platform
 * (one start for all): what a person sees and does on each, every page at 1280 and 390 px with no sideways overflow
 * and no browser-log error, screenshots under target/screenshots, and each page's load time printed.
 */
@ExtendWith(SharedPlatform.class)
class ConsolePagesEndToEndTest {

    private static final String API_KEY = SharedPlatform.apiKey("console-pages");
    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final String DEFAULT_MODEL_FILE =
            "relationship-service/relationship-app/src/main/resources/scoring/trustline-default-v1.yaml";
    private static final Map<String, Double> LOAD_MILLIS = new LinkedHashMap<>();

    private static LocalPlatform platform;
    private static PlatformClient client;
    private static Browser browser;
    private static String console;

    @BeforeAll
    static void startPlatformAndSignIn() {
        Browser.assumeInstalled();
        platform = SharedPlatform.platform();
        client = new PlatformClient(platform, API_KEY);
        console = platform.service(LocalPlatformSettings.CONSOLE).baseUrl();
        browser = Browser.start();
        browser.open(console + "/sign-in");
        browser.find("#apiKey").sendKeys(API_KEY);
        browser.find("form button[type=submit]").click();
        browser.awaitLoaded();
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(console + "/");
    }

    @AfterAll
    static void stop() {
        LOAD_MILLIS.forEach((page, millis) -> System.out.printf(Locale.ROOT, "console page load %-10s %6.0f ms%n", page, millis));
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theLiveStream_showsAnEventPutInThroughTheApi_andPauseHoldsTheNextUntilResumed() {
        String clientId = uniqueClient();
        open("live", "/live?clientId=" + clientId);
        await().atMost(PATIENCE).until(() -> browser.find("#stream-status").getText().startsWith("Connected"));

        String issueId = client.reportIssue(clientId);
        await().atMost(PATIENCE).until(() -> !shown("io.trustline.intake.IssueReported.v1", clientId).isEmpty());
        assertThat(shown("io.trustline.intake.IssueReported.v1", clientId).get(0).getText()).contains("Payroll server unreachable");

        browser.find("#pause").click();
        client.command(issueId, "acknowledgement", "{\"by\": \"Sam Tech\"}");
        await().atMost(PATIENCE).until(() -> browser.find("#pause").getText().matches("Resume \\([1-9]\\d* new\\)"));
        assertThat(shown("io.trustline.incident.IssueAcknowledged.v1", clientId)).as("held while paused").isEmpty();

        browser.find("#pause").click();
        assertThat(shown("io.trustline.incident.IssueAcknowledged.v1", clientId)).hasSize(1);
        assertThat(browser.findAll("#events li").get(0).getAttribute("data-client")).isEqualTo(clientId);
        browser.checkLayout("live");
    }

    @Test
    void theIncidentPage_showsTheExpectation_andAnAcknowledgementThroughItsFormMeetsTheTarget() {
        String clientId = uniqueClient();
        String issueId = client.reportIssue(clientId);
        client.incidentWithTargets(issueId);

        open("incident", "/incidents/" + issueId);
        assertThat(browser.find("dl.expectation").getText())
                .contains("everyone", "stopped", "payroll is due tomorrow", "head office (on site)", "payroll runs");
        assertThat(targetStatus("Acknowledge")).isEqualTo("PENDING");

        browser.find("#ack-by").sendKeys("Sam Tech");
        browser.find("#action-acknowledgement button[type=submit]").click();
        browser.awaitLoaded();
        await().atMost(PATIENCE).until(() -> {
            browser.open(console + "/incidents/" + issueId);
            return targetStatus("Acknowledge").equals("MET");
        });
        assertThat(browser.find("dl.facts").getText()).contains("Acknowledged", "by Sam Tech");
        assertThat(browser.findAll("#action-acknowledgement")).as("acknowledged once only").isEmpty();
        browser.checkLayout("incident");

        // the page is now stale: the issue is resolved behind it, and its action-plan form is refused by the state
        client.command(issueId, "resolution", "{\"summary\": \"payroll VM restarted\"}");
        browser.find("#plan-steps").sendKeys("restart the payroll VM");
        browser.find("#plan-owner").sendKeys("Sam Tech");
        browser.find("#action-action-plan button[type=submit]").click();
        browser.awaitLoaded();
        assertThat(browser.find("[role=alert]").getText())
                .contains("“Issue an action plan” is not possible now: the incident is RESOLVED");
        // the refused form's answer is a 409 document, which the browser logs; that entry and nothing else
        assertThat(browser.severeLogEntries()).singleElement().asString().contains("/action-plan", "409");

        open("incidents", "/incidents?clientId=" + clientId);
        assertThat(browser.find("table.incidents").getText()).contains("Payroll server unreachable", "RESOLVED");
        browser.checkLayout("incidents");
    }

    @Test
    void theModelsPage_listsTheBuiltInModel_comparesTwoVersions_andSwitchesWithItsProgress() throws IOException {
        String clientId = uniqueClient();
        client.reportIssue(clientId);
        await().atMost(PATIENCE).until(() -> client.timelineEvents(clientId).size() >= 2);
        String generous = storeGenerousModel();

        open("models", "/models");
        assertThat(browser.find("tr[data-model='trustline-default@1']").getText()).contains("active");
        assertThat(browser.findAll("tr[data-model='" + generous + "']")).hasSize(1);

        new Select(browser.find("#cmp-a")).selectByValue("trustline-default@1");
        new Select(browser.find("#cmp-b")).selectByValue(generous);
        browser.find("#cmp-b").submit();
        browser.awaitLoaded();
        assertThat(browser.find(".comparison-summary").getText()).contains("risk flip(s) between trustline-default@1 and " + generous);
        assertThat(browser.find("table.comparison tr[data-client='" + clientId + "']").getText()).contains("→");
        browser.checkLayout("models-comparison");

        new Select(browser.find("#switch-model")).selectByValue(generous);
        browser.find("#switch-model").submit();
        browser.awaitLoaded();
        // htmx polls the progress until the switch is DONE, without a reload; each poll swaps the element, so one
        // found just before a swap is stale by the time it is read: read it again
        await().atMost(PATIENCE).ignoreException(StaleElementReferenceException.class)
                .until(() -> "DONE".equals(browser.find("#switch-progress").getAttribute("data-state")));
        assertThat(browser.find("#switch-progress").getText()).contains("Switch to " + generous);
        browser.assertNoSevereLogEntries("models after the switch");
    }

    @Test
    void theWebhooksPage_listsAnEndpointRegisteredThroughTheApi_withItsDeliveries_retryAndReplay() {
        String clientId = uniqueClient();
        try (PartnerReceiver failing = new PartnerReceiver(request -> 500)) {
            String endpointId = given().spec(client.json()).baseUri(client.url("notification"))
                    .body(Map.of("url", failing.url(), "eventTypes", List.of("io.trustline.intake.IssueReported.v1"),
                            "clientIds", List.of(clientId), "description", "partner " + clientId))
                    .when().post("/webhooks/endpoints").then().statusCode(201).extract().path("endpointId");
            await().atMost(PATIENCE).until(() -> given().spec(client.json()).baseUri(client.url("notification"))
                    .when().get("/webhooks/endpoints/" + endpointId).statusCode() == 200);
            client.reportIssue(clientId);

            String endpoint = "#endpoint-" + endpointId;
            await().atMost(PATIENCE).until(() -> {
                browser.open(console + "/webhooks");
                return !browser.findAll(endpoint + " tr[data-status='FAILED']").isEmpty();
            });
            open("webhooks", "/webhooks");
            WebElement failed = browser.find(endpoint + " tr[data-status='FAILED']");
            assertThat(failed.getText()).contains("IssueReported", clientId, "HTTP 500");
            assertThat(browser.find(endpoint).getText()).contains(failing.url(), "enabled", "partner " + clientId);
            browser.checkLayout("webhooks");

            failed.findElement(By.cssSelector("button[type=submit]")).click();
            browser.awaitLoaded();
            assertThat(browser.find(".notice").getText()).contains("Retry requested");

            String since = LocalDateTime.now(ZoneOffset.UTC).minusHours(1).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
            WebElement sinceField = browser.find(endpoint + " input[name=since]");
            browser.script("arguments[0].value = arguments[1];", sinceField, since);
            sinceField.submit();
            browser.awaitLoaded();
            await().atMost(PATIENCE).until(() -> "ENQUEUED".equals(browser.find(endpoint + " .replay").getAttribute("data-status")));
            assertThat(browser.find(endpoint + " .replay .replay-counts").getText()).matches("[1-9]\\d* event\\(s\\): .*");
            browser.checkLayout("webhooks-replay");
        }
    }

    private static void open(String name, String path) {
        browser.open(console + path);
        LOAD_MILLIS.put(name, browser.lastNavigationMillis());
    }

    private static List<WebElement> shown(String type, String clientId) {
        return browser.findAll("#events li[data-type='" + type + "'][data-client='" + clientId + "']");
    }

    private static String targetStatus(String target) {
        return browser.find("tr[data-target='" + target + "'] .status").getText();
    }

    /** The built-in model under a new name, valuing a declined offer more (as ModelSwitchEndToEndTest stores it). */
    private static String storeGenerousModel() throws IOException {
        String name = "generous-" + UUID.randomUUID().toString().substring(0, 8);
        String yaml = Files.readString(TrustlineHome.locate().resolve(DEFAULT_MODEL_FILE))
                .replace("model: trustline-default", "model: " + name)
                .replace("competitorOfferDeclined: 12", "competitorOfferDeclined: 30");
        given().spec(client.json()).baseUri(client.url("relationship")).contentType("application/yaml")
                .body(yaml.getBytes(StandardCharsets.UTF_8)).when().post("/models").then().statusCode(201);
        return name + "@1";
    }
}
