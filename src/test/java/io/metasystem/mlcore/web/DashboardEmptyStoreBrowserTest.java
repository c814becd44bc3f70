package io.metasystem.mlcore.web;

import io.metasystem.mlcore.MlCoreApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A fresh service with nothing stored: the sign-in page and the overview's empty state, in a real browser. */
@SpringBootTest(
        classes = MlCoreApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "mlcore.api-key=" + DashboardEmptyStoreBrowserTest.KEY)
class DashboardEmptyStoreBrowserTest {
    static final String KEY = "empty-store-key-0123456789";

    private static HeadlessChromium browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        HeadlessChromium.assumeInstalled();
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void emptyStoreShowsHowToImportTheExampleExport() {
        String base = "http://localhost:" + port;
        browser.driver.get(base + "/login?lang=en");
        assertThat(browser.driver
                        .findElement(By.cssSelector("label[for='api_key']"))
                        .getText())
                .isEqualTo("API key");
        browser.screenshot("dashboard-login", 1280);
        browser.driver.findElement(By.name("api_key")).sendKeys(KEY);
        browser.driver
                .findElement(By.cssSelector("form.login button[type='submit']"))
                .click();
        browser.awaitUrlContains("/dashboard");

        WebElement empty = browser.driver.findElement(By.cssSelector(".empty"));
        assertThat(empty.findElement(By.tagName("h2")).getText()).isEqualTo("No accounts yet");
        assertThat(empty.findElement(By.tagName("code")).getText())
                .contains("curl -X POST '" + base + "/api/v1/accounts/act_1234567890/insights.csv'")
                .contains("--data-binary @docs/examples/ads_manager_export.csv")
                .contains("X-API-Key: $API_KEY");
        assertThat(browser.driver.findElements(By.cssSelector("[data-chart]"))).isEmpty();
        assertThat(browser.consoleProblems()).isEmpty();
        browser.screenshot("dashboard-empty", 1280);
    }
}
