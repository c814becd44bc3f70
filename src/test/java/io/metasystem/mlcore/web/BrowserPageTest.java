package io.metasystem.mlcore.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every browser test of the pages shares: one headless Chromium per test class (started before its first test,
 * skipped with one line naming the Debian package when Chromium is missing, closed after the last), the real server's
 * base URL, signing in through the login form, and plain HTTP calls that carry the browser's session (to check what a
 * page's form would post, e.g. a POST without CSRF token). Test classes run one after the other, so the one
 * {@link #browser} field serves them in turn.
 */
abstract class BrowserPageTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** The current test class's browser; {@code null} before its {@code @BeforeAll} ran. */
    static HeadlessChromium browser;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @BeforeAll
    static void startBrowser() {
        HeadlessChromium.assumeInstalled();
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** @return {@code http://localhost:<port>} of the server under test */
    String base() {
        return "http://localhost:" + port;
    }

    /** @param path absolute path on the server, with query string if any */
    URI url(String path) {
        return URI.create(base() + path);
    }

    /** Signs in with {@link DashboardBrowserTest#KEY}, the full-access key of the shared test context. */
    void signIn() {
        signIn(DashboardBrowserTest.KEY);
    }

    /** Opens the login page, submits {@code key} and waits until the browser is on a dashboard page. */
    void signIn(String key) {
        browser.driver.get(base() + "/login");
        submitKey(key);
        browser.awaitUrlContains("/dashboard");
    }

    /** Types {@code key} into the login form on the current page and submits it (no wait). */
    void submitKey(String key) {
        WebElement field = browser.await().until(ExpectedConditions.elementToBeClickable(By.name("api_key")));
        field.clear();
        field.sendKeys(key);
        browser.driver
                .findElement(By.cssSelector("form.login button[type='submit']"))
                .click();
    }

    /** Signs the browser out (drops its cookies on the login page) and discards console messages so far. */
    void signOut() {
        browser.driver.get(base() + "/login?lang=en");
        browser.driver.manage().deleteAllCookies();
        browser.consoleProblems();
    }

    /** @return the browser's session as a {@code Cookie} header value */
    String session() {
        return "JSESSIONID="
                + browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
    }

    /** The session's CSRF token, read from a page's sign-out form. */
    String csrf(String session) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(url("/dashboard"))
                .header("Cookie", session)
                .GET()
                .build());
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    /** Sends {@code request} without following redirects; I/O failures fail the test. */
    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
