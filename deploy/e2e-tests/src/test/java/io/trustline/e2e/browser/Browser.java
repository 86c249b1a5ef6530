package io.trustline.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium driven through its chromedriver (no Selenium Manager, nothing downloaded), with
 * what every console page test checks: no horizontal overflow at a width, no SEVERE entry in the browser's log, a
 * screenshot under {@code target/screenshots}. Skips the test (an assumption) only where Chromium is not installed.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Dimension DESKTOP = new Dimension(1280, 900);
    public static final Dimension PHONE = new Dimension(390, 844);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final List<String> severe = new ArrayList<>();

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Skips the calling test when the system has no Chromium (CI installs it with deploy/setup-tools.sh). */
    public static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is not installed (deploy/setup-tools.sh installs it)");
    }

    public static Browser start() {
        assumeInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // without the last five Chromium reaches for outside hosts, which this machine refuses
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
        awaitLoaded();
    }

    public void awaitLoaded() {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "complete".equals(script("return document.readyState")));
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public Object script(String javascript, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(javascript, args);
    }

    /** Resizes the window so the page's viewport is {@code size}, as a phone or a desktop shows it. */
    public void viewport(Dimension size) {
        driver.manage().window().setSize(size);
        Number innerWidth = (Number) script("return window.innerWidth");
        if (innerWidth.intValue() != size.width) {
            // the window's frame takes a few pixels; grow the window by them
            int frame = size.width - innerWidth.intValue();
            driver.manage().window().setSize(new Dimension(size.width + frame, size.height));
        }
    }

    /**
     * At each size: the page fits the viewport's width (nothing to scroll sideways), and a screenshot
     * {@code target/screenshots/<name>-<width>.png}; back at the desktop size after. Then no SEVERE log entry.
     */
    public void checkLayout(String name) {
        for (Dimension size : List.of(DESKTOP, PHONE)) {
            viewport(size);
            Number scrollWidth = (Number) script("return document.documentElement.scrollWidth");
            Number innerWidth = (Number) script("return window.innerWidth");
            assertThat(scrollWidth.intValue()).as("%s at %d px: the page's width", name, size.width)
                    .isLessThanOrEqualTo(innerWidth.intValue());
            screenshot(name + "-" + size.width);
        }
        viewport(DESKTOP);
        assertNoSevereLogEntries(name);
    }

    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the screenshot " + name, e);
        }
    }

    /** The browser log's SEVERE entries since the last call (script errors, CSP violations, failed loads). */
    public List<String> severeLogEntries() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                severe.add(entry.getMessage());
            }
        }
        List<String> found = List.copyOf(severe);
        severe.clear();
        return found;
    }

    public void assertNoSevereLogEntries(String page) {
        assertThat(severeLogEntries()).as("SEVERE entries in the browser log on %s", page).isEmpty();
    }

    /** The last navigation's timing from the Navigation Timing API: request start to load event end, in ms. */
    public double lastNavigationMillis() {
        Number millis = (Number) script("const n = performance.getEntriesByType('navigation')[0];"
                + " return n.loadEventEnd - n.startTime;");
        return millis.doubleValue();
    }

    /** The last navigation's server part: request sent to the last byte of the HTML, in ms. */
    public double lastResponseMillis() {
        Number millis = (Number) script("const n = performance.getEntriesByType('navigation')[0];"
                + " return n.responseEnd - n.requestStart;");
        return millis.doubleValue();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
