package io.metasystem.mlcore.web;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium driven by its chromedriver (packages {@code chromium} and {@code chromium-driver}), with
 * a fresh profile, console logging on and nothing fetched from the network by the browser itself.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);

    final WebDriver driver;
    private final Path profile;

    private HeadlessChromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips the calling test class (one line naming the package) when Chromium is not installed. */
    static void assumeInstalled() {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "install the Debian package chromium (and chromium-driver) to run the browser tests");
    }

    static HeadlessChromium start() {
        try {
            Path profile = Files.createTempDirectory("mlcore-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--no-first-run",
                    "--lang=en-US",
                    "--window-size=1280,900",
                    "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            return new HeadlessChromium(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A wait of up to 30 s that retries while the element it looks at belongs to a page being replaced. */
    WebDriverWait await() {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /**
     * Clicks the element and waits until the browser has left the page it was on (its document has gone stale), so
     * that what is looked up next comes from the answer and not from the page that sent the form.
     */
    void clickAndAwaitNextPage(By target) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(target).click();
        await().until(ExpectedConditions.stalenessOf(page));
    }

    /** Waits until every chart on the page has drawn its SVG; returns how many there are. */
    int awaitCharts() {
        int charts = driver.findElements(By.cssSelector("[data-chart]")).size();
        await().until(d -> d.findElements(By.cssSelector("[data-chart][data-rendered='true'] svg"))
                        .size()
                == charts);
        return charts;
    }

    /** Charts of the account page's per campaign and ad set breakdown. */
    int breakdownCharts() {
        return driver.findElements(By.cssSelector("#breakdown [data-chart]")).size();
    }

    void awaitUrlContains(String part) {
        await().until(ExpectedConditions.urlContains(part));
    }

    /** Browser console entries of level warning or worse since the last call. */
    List<LogEntry> consoleProblems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .toList();
    }

    /**
     * Saves a full-page screenshot as {@code target/screenshots/<name>.png} at the given width.
     *
     * @return the file
     */
    Path screenshot(String name, int width) {
        try {
            driver.manage().window().setSize(new Dimension(width, 900));
            // the window's height is the page's plus the browser's own frame, so the whole page is captured
            long height = (Long) ((JavascriptExecutor) driver)
                    .executeScript("return Math.ceil(document.documentElement.scrollHeight"
                            + " + window.outerHeight - window.innerHeight)");
            driver.manage().window().setSize(new Dimension(width, (int) Math.min(height, 8000)));
            awaitCharts();
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            driver.manage().window().setSize(new Dimension(1280, 900));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Saves what a screen of {@code width} × {@code height} shows with {@code selector}'s element scrolled to the top,
     * as {@code target/screenshots/<name>.png}.
     */
    Path screenshotOf(String name, int width, int height, String selector) {
        try {
            driver.manage().window().setSize(new Dimension(width, height));
            ((JavascriptExecutor) driver)
                    .executeScript(
                            "arguments[0].scrollIntoView({block: 'start'})",
                            driver.findElement(By.cssSelector(selector)));
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            driver.manage().window().setSize(new Dimension(1280, 900));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a left-over temporary profile is harmless
            }
        }
    }
}
