package io.metasystem.mlcore.web;

import io.metasystem.mlcore.MlCoreApplication;
import io.metasystem.mlcore.meta.AuditLog;
import io.metasystem.mlcore.store.InsightStore;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh service with nothing stored, in a real browser: the sign-in page, the overview's empty state, and the
 * issue's walk-through from there: import {@code docs/examples/ads_manager_export.csv} from the page (with its report),
 * the account's KPI evolution, a recommendation from the page's Optimize now form with its reasons and curves, the
 * report of the last import again in a new session, and the recommendation applied as a dry run. A refused file
 * shows its problems with line and column.
 */
@SpringBootTest(
        classes = MlCoreApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "mlcore.api-key=" + DashboardEmptyStoreBrowserTest.KEY,
            "mlcore.meta.allowed-accounts=1234567890",
            "mlcore.meta.max-data-age-days=0"
        })
class DashboardEmptyStoreBrowserTest extends BrowserPageTest {
    static final String KEY = "empty-store-key-0123456789";

    @Autowired
    InsightStore insights;

    @Autowired
    AuditLog audit;

    @Test
    void emptyStoreShowsHowToImportTheExampleExport() {
        String base = base();
        browser.driver.get(base + "/login?lang=en");
        browser.driver.manage().deleteAllCookies(); // signed out, whichever test ran first
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

        // the walk-through: import the example export from the page
        browser.driver.findElement(By.id("upload-account")).sendKeys("act_1234567890");
        browser.driver
                .findElement(By.id("upload-file"))
                .sendKeys(SeededCsv.FILE.toAbsolutePath().toString());
        browser.driver.findElement(By.id("upload-submit")).click();
        browser.awaitUrlContains("/dashboard/imports/");
        assertThat(browser.driver.findElement(By.id("import-status")).getAttribute("data-status"))
                .isEqualTo("imported");
        int rows = SeededCsv.rows().size();
        assertThat(figure("inserted")).isEqualTo(Integer.toString(rows));
        assertThat(figure("updated")).isEqualTo("0");
        assertThat(figure("unchanged")).isEqualTo("0");
        assertThat(insights.accountExists("1234567890")).isTrue();
        assertThat(browser.consoleProblems()).isEmpty();
        browser.screenshot("dashboard-import-report", 1280);

        // the recommendation, from the report's Optimize now… (the account page's form)
        browser.driver.findElement(By.id("import-optimize")).click();
        browser.awaitUrlContains("/dashboard/accounts/1234567890");
        WebElement total = browser.driver.findElement(By.id("optimize-total"));
        total.clear();
        total.sendKeys("150");
        browser.driver.findElement(By.id("optimize-cpa")).sendKeys("15");
        assertThat(browser.driver.findElement(By.id("optimize-ratio")).getAttribute("value"))
                .as("prefilled with the apply guardrail, so that the dry run below is allowed")
                .isEqualTo("0.5");
        browser.clickAndAwaitNextPage(By.id("optimize-submit"));
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("optimized")));
        int curves =
                browser.driver.findElements(By.cssSelector("#curves figure")).size();
        assertThat(curves).isGreaterThanOrEqualTo(3);
        assertThat(browser.awaitCharts()).isEqualTo(3 + curves + browser.breakdownCharts());
        assertThat(browser.driver.findElements(By.cssSelector("#recommendation-table .reasons li")))
                .isNotEmpty();
        assertThat(browser.consoleProblems()).isEmpty();
        browser.screenshot("dashboard-walkthrough-account", 1280);

        // importing the same file again changes nothing, from the account page's own form
        browser.driver
                .findElement(By.id("upload-file"))
                .sendKeys(SeededCsv.FILE.toAbsolutePath().toString());
        browser.driver.findElement(By.id("upload-submit")).click();
        browser.awaitUrlContains("/dashboard/imports/");
        assertThat(figure("unchanged")).isEqualTo(Integer.toString(rows));
        assertThat(figure("inserted")).isEqualTo("0");

        // the report of the last page import survives the session: a new sign-in shows it on the account page
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(base + "/login?lang=en");
        browser.driver.findElement(By.name("api_key")).sendKeys(KEY);
        browser.driver
                .findElement(By.cssSelector("form.login button[type='submit']"))
                .click();
        browser.awaitUrlContains("/dashboard");
        browser.driver.get(base + "/dashboard/accounts/1234567890");
        WebElement last = browser.driver.findElement(By.id("last-import"));
        assertThat(last.getAttribute("data-status")).isEqualTo("imported");
        assertThat(last.getText())
                .contains("ads_manager_export.csv", "0 rows inserted", "0 updated", rows + " unchanged");
        last.findElement(By.id("last-import-link")).click();
        browser.awaitUrlContains("/dashboard/accounts/1234567890/import");
        assertThat(figure("unchanged")).isEqualTo(Integer.toString(rows));
        assertThat(figure("inserted")).isEqualTo("0");
        assertThat(browser.driver.findElement(By.id("imported-at")).getText()).contains("imported");
        assertThat(browser.consoleProblems()).isEmpty();
        browser.screenshot("dashboard-last-import", 1280);

        browser.driver.get(base + "/dashboard/accounts/1234567890");
        browser.clickAndAwaitNextPage(By.id("apply-link"));
        browser.clickAndAwaitNextPage(By.id("apply-confirm"));
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("result-status")));
        assertThat(browser.driver.findElement(By.id("result-status")).getAttribute("data-status"))
                .isEqualTo("dry_run");
        assertThat(audit.list("1234567890", null, 0, 10).items())
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.dryRun()).isTrue());
        assertThat(browser.consoleProblems()).isEmpty();
        browser.screenshot("dashboard-walkthrough-dry-run", 1280);
    }

    @Test
    void aRefusedFileShowsItsProblemsWithLineAndColumnAndImportsNothing() throws Exception {
        String base = base();
        List<String> lines = Files.readAllLines(SeededCsv.FILE);
        lines.set(3, lines.get(3).replace(",26.27,", ",lots,"));
        Path broken = Files.createTempFile("mlcore-broken-", ".csv");
        try {
            Files.write(broken, lines);
            browser.driver.get(base + "/login?lang=en");
            browser.driver.manage().deleteAllCookies();
            browser.driver.get(base + "/login?lang=en");
            browser.driver.findElement(By.name("api_key")).sendKeys(KEY);
            browser.driver
                    .findElement(By.cssSelector("form.login button[type='submit']"))
                    .click();
            browser.awaitUrlContains("/dashboard");
            browser.driver.findElement(By.id("upload-account")).sendKeys("act_999000111");
            browser.driver.findElement(By.id("upload-file")).sendKeys(broken.toString());
            browser.driver.findElement(By.id("upload-submit")).click();
            browser.awaitUrlContains("/dashboard/imports/");
            assertThat(browser.driver.findElement(By.id("import-status")).getAttribute("data-status"))
                    .isEqualTo("refused");
            WebElement problem = browser.driver.findElement(By.cssSelector("#import-problems tbody tr"));
            assertThat(problem.getAttribute("data-line")).isEqualTo("4");
            assertThat(problem.getAttribute("data-column")).contains("Amount spent");
            assertThat(insights.accountExists("999000111")).isFalse();
            assertThat(browser.consoleProblems()).isEmpty();
            browser.screenshot("dashboard-import-problems", 1280);
        } finally {
            Files.deleteIfExists(broken);
        }
    }

    private static String figure(String name) {
        return browser.driver
                .findElement(By.cssSelector("#import-report [data-figure='" + name + "'] .value"))
                .getText()
                .replace(",", "");
    }
}
