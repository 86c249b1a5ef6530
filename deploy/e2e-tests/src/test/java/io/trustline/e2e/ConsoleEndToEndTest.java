package io.trustline.e2e;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.trustline.e2e.browser.Browser;
import io.trustline.local.LocalPlatform;
import io.trustline.local.LocalPlatformSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The console in a real browser against the packaged platform: an account manager signs in with the tenant's key,
 * finds the client in the portfolio, reads why a point of its timeline moved, records a meeting and sees loyalty
 * move, and signs out. Every page is checked at a desktop and a phone width for sideways overflow and browser-log
 * errors, and saved as a screenshot under target/screenshots.
 */
@ExtendWith(SharedPlatform.class)
class ConsoleEndToEndTest {

    private static final String API_KEY = SharedPlatform.apiKey("console-e2e");
    private static final int TIMED_LOADS = 5;

    private static LocalPlatform platform;
    private static PlatformClient client;
    private static Browser browser;
    private static String console;

    @BeforeAll
    static void startPlatformAndBrowser() {
        Browser.assumeInstalled();
        platform = SharedPlatform.platform();
        client = new PlatformClient(platform, API_KEY);
        console = platform.service(LocalPlatformSettings.CONSOLE).baseUrl();
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aManagerSignsIn_readsWhyAPointMoved_recordsAMeeting_seesLoyaltyMove_andSignsOut() throws IOException {
        String clientId = uniqueClient();
        client.reportIssue(clientId);
        await().atMost(Duration.ofSeconds(30)).until(() -> client.timelineEvents(clientId).size() >= 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().spec(client.json()).baseUri(client.url("relationship"))
                .queryParam("limit", 500).when().get("/clients").then().extract().jsonPath()
                .getList("clients.clientId").contains(clientId));

        browser.open(console + "/");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/sign-in");
        browser.checkLayout("sign-in");

        browser.find("#apiKey").sendKeys("not-the-key");
        browser.find("form button[type=submit]").click();
        browser.awaitLoaded();
        assertThat(browser.find(".error").getText()).isEqualTo("The API key is not valid.");
        // the 401 of the refused sign-in is the one expected entry in the log
        assertThat(browser.severeLogEntries()).allMatch(entry -> entry.contains("401"));

        browser.find("#apiKey").sendKeys(API_KEY);
        browser.find("form button[type=submit]").click();
        browser.awaitLoaded();
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(console + "/");
        Cookie session = browser.driver().manage().getCookieNamed("trustline_session");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(session.getPath()).isEqualTo("/");
        assertThat((String) browser.script("return document.cookie")).doesNotContain("trustline_session");
        assertThat(browser.driver().getPageSource()).doesNotContain(API_KEY);

        WebElement row = browser.find("tr[data-client='" + clientId + "']");
        assertThat(row.findElement(org.openqa.selenium.By.cssSelector(".trust-now")).getText()).matches("\\d+\\.\\d");
        browser.checkLayout("portfolio");

        row.findElement(org.openqa.selenium.By.linkText(clientId)).click();
        browser.awaitLoaded();
        assertThat(browser.find("h1").getText()).isEqualTo(clientId);
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.script("return !!document.getElementById('chart').trustlineChart"),
                Boolean.TRUE::equals);
        clickTheLastPointOfTheChart();
        WebElement detail = browser.find("#point-detail");
        await().atMost(Duration.ofSeconds(5)).until(detail::isDisplayed);
        String clickedSentence = detail.findElement(org.openqa.selenium.By.cssSelector(".sentence")).getText();
        assertThat(clickedSentence).isNotBlank();
        assertThat(browser.findAll("#points td.why")).extracting(WebElement::getText).contains(clickedSentence);
        assertThat(browser.findAll("#points td.why")).extracting(WebElement::getText)
                .anyMatch(why -> why.startsWith("+2 trust: expectations agreed before work started"));
        browser.checkLayout("client");

        double loyaltyBefore = Double.parseDouble(browser.find("#loyalty-now").getText());
        browser.find("#m-attendees").sendKeys("Dana Office\nSam Account");
        browser.find("#form-meetings button[type=submit]").click();
        browser.awaitLoaded();
        // the relationship service scores the meeting moments later; the page polls and reloads once it has
        awaitOnPage("the recorded meeting's point", Duration.ofSeconds(30), () -> !browser.findAll("#recorded").isEmpty());
        assertThat(browser.find("#recorded").getText()).contains("MeetingHeld");
        assertThat(browser.findAll("#points tr[id] td:nth-child(2)")).extracting(WebElement::getText).contains("MeetingHeld");
        double loyaltyAfter = Double.parseDouble(browser.find("#loyalty-now").getText());
        assertThat(loyaltyAfter).isEqualTo(loyaltyBefore + 3.0); // 002.meeting: +3 loyalty face to face
        browser.checkLayout("client-after-meeting");

        for (String page : List.of("live", "webhooks", "models")) {
            browser.open(console + "/" + page);
            assertThat(browser.find("nav a[aria-current=page]").getAttribute("href")).endsWith("/" + page);
            browser.checkLayout(page);
        }

        List<String> times = new ArrayList<>();
        times.add(timed("sign-in page (signed in)", console + "/sign-in"));
        times.add(timed("portfolio", console + "/"));
        times.add(timed("client page", console + "/clients/" + clientId));
        Files.write(Path.of("target", "console-page-times.txt"), times);
        times.forEach(System.out::println);

        browser.open(console + "/");
        browser.find(".sign-out button").click();
        browser.awaitLoaded();
        assertThat(browser.driver().getCurrentUrl()).endsWith("/sign-in");
        assertThat(browser.driver().manage().getCookieNamed("trustline_session")).isNull();
        browser.open(console + "/clients/" + clientId);
        assertThat(browser.driver().getCurrentUrl()).endsWith("/sign-in");
        browser.assertNoSevereLogEntries("after sign-out");
    }

    /** Waits for the page to show something; failing, says what the page showed instead. */
    private static void awaitOnPage(String what, Duration atMost, java.util.concurrent.Callable<Boolean> shown) {
        try {
            await().atMost(atMost).until(shown);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            browser.screenshot("failed-" + what.replaceAll("\\W+", "-"));
            throw new AssertionError("no " + what + " within " + atMost + " on " + browser.driver().getCurrentUrl()
                    + "; the page showed:\n" + browser.find("main").getText() + "\nbrowser log: " + browser.severeLogEntries(), e);
        }
    }

    /** A real click on the chart's last trust point, where chart.js itself says it drew it. */
    private static void clickTheLastPointOfTheChart() {
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) browser.script("""
                const chart = document.getElementById('chart').trustlineChart;
                const points = chart.getDatasetMeta(0).data;
                const point = points[points.length - 1];
                const box = chart.canvas.getBoundingClientRect();
                chart.canvas.scrollIntoView({block: 'center'});
                return [point.x, point.y, box.width, box.height];
                """);
        WebElement canvas = browser.find("#chart");
        int x = (int) Math.round(at.get(0).doubleValue() - at.get(2).doubleValue() / 2);
        int y = (int) Math.round(at.get(1).doubleValue() - at.get(3).doubleValue() / 2);
        new Actions(browser.driver()).moveToElement(canvas, x, y).click().perform();
    }

    /** p50 of {@value #TIMED_LOADS} loads of a page: the server's answer, and everything until the load event. */
    private static String timed(String name, String url) {
        List<Double> response = new ArrayList<>();
        List<Double> load = new ArrayList<>();
        for (int i = 0; i < TIMED_LOADS; i++) {
            browser.open(url);
            response.add(browser.lastResponseMillis());
            load.add(browser.lastNavigationMillis());
        }
        return String.format(Locale.ROOT, "%-26s p50 response %6.1f ms, p50 load %6.1f ms (%d loads)", name,
                p50(response), p50(load), TIMED_LOADS);
    }

    private static double p50(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
