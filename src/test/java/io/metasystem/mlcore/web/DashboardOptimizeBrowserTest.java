package io.metasystem.mlcore.web;

import io.metasystem.mlcore.store.AdSet;
import io.metasystem.mlcore.store.InsightImporter;
import io.metasystem.mlcore.store.InsightStore;
import io.metasystem.mlcore.store.Recommendation;
import io.metasystem.mlcore.store.RecommendationStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account page's <em>Optimize now</em> form in a real browser: prefilled with the account's current total daily
 * budget, it records the same answer as {@code POST /api/v1/accounts/{account_id}/optimize} with the same fields
 * (seed and budgets), shows it as the latest recommendation; a refused value comes back with its reason; a read-only
 * key sees no form and its POST is 403, as is a POST without CSRF token. Same configuration as
 * {@link DashboardBrowserTest} (one Spring context), an account of its own.
 */
@DashboardBrowserContext
class DashboardOptimizeBrowserTest extends BrowserPageTest {
    static final String ACCOUNT = "555000777";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    InsightImporter importer;

    @Autowired
    InsightStore insights;

    @Autowired
    RecommendationStore recommendations;

    @BeforeEach
    void seedAndSignOut() throws Exception {
        SeededCsv.importInto(importer, ACCOUNT);
        signOut();
    }

    @Test
    void optimizeNowRecordsTheAnswerOfTheApiAndShowsItAsTheLatestRecommendation() throws Exception {
        signIn(DashboardBrowserTest.KEY);
        browser.driver.get(base() + "/dashboard/accounts/" + ACCOUNT + "?lang=en");
        WebElement total = browser.driver.findElement(By.id("optimize-total"));
        BigDecimal current = insights.adSets(ACCOUNT, 0, 100).items().stream()
                .filter(a -> "ACTIVE".equals(a.status()) && a.dailyBudget() != null)
                .map(AdSet::dailyBudget)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(current).isPositive();
        assertThat(new BigDecimal(total.getAttribute("value"))).isEqualByComparingTo(current);
        assertThat(browser.driver.findElement(By.id("optimize-ratio")).getAttribute("value"))
                .isEqualTo("0.5");
        assertThat(browser.driver
                        .findElement(By.cssSelector("label[for='optimize-total']"))
                        .getText())
                .isEqualTo("Total daily budget (EUR)");
        total.clear();
        total.sendKeys("150");
        browser.driver.findElement(By.id("optimize-cpa")).sendKeys("15");
        browser.clickAndAwaitNextPage(By.id("optimize-submit"));

        WebElement done = browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("optimized")));
        String id = done.getAttribute("data-recommendation");
        assertThat(recommendations
                        .list(ACCOUNT, null, null, 0, 1)
                        .items()
                        .get(0)
                        .id())
                .isEqualTo(id);
        Recommendation latest = recommendations.get(id);
        assertThat(browser.driver.findElement(By.id("apply-link")).getAttribute("href"))
                .endsWith("/recommendations/" + id + "/apply");
        int lines = latest.response().get("adsets").size();
        assertThat(browser.driver.findElements(By.cssSelector("#recommendation-table tbody.line")))
                .hasSize(lines);
        int curves =
                browser.driver.findElements(By.cssSelector("#curves figure")).size();
        assertThat(browser.awaitCharts()).isEqualTo(3 + curves + browser.breakdownCharts());
        assertThat(browser.consoleProblems()).isEmpty();
        browser.screenshot("dashboard-optimize-now", 1280);

        // the API with the same fields gives the same answer (same default seed, same budgets)
        HttpResponse<String> api = send(HttpRequest.newBuilder(url("/api/v1/accounts/act_" + ACCOUNT + "/optimize"))
                .header("X-API-Key", DashboardBrowserTest.KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"objective\":\"conversions\","
                        + "\"budget\":{\"total\":150,\"max_change_ratio\":0.5},\"targets\":{\"cpa\":15}}"))
                .build());
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        JsonNode fromApi = JSON.readTree(api.body());
        JsonNode fromPage = latest.response();
        assertThat(fromPage.get("seed").asLong()).isEqualTo(fromApi.get("seed").asLong());
        for (int i = 0; i < lines; i++) {
            assertThat(fromPage.at("/adsets/" + i + "/recommended_budget").asDouble())
                    .isEqualTo(
                            fromApi.at("/adsets/" + i + "/recommended_budget").asDouble());
        }
        assertThat(fromPage.get("history")).isEqualTo(fromApi.get("history"));
        assertThat(latest.requestHash())
                .as("the page records the request the API would have received")
                .isEqualTo(recommendations
                        .get(fromApi.get("recommendation_id").asString())
                        .requestHash());

        // Spanish labels
        browser.driver.get(base() + "/dashboard/accounts/" + ACCOUNT + "?lang=es");
        assertThat(browser.driver.findElement(By.id("optimize-submit")).getText())
                .isEqualTo("Optimizar ahora");
        browser.driver.get(base() + "/dashboard/accounts/" + ACCOUNT + "?lang=en");
    }

    @Test
    void aRefusedValueComesBackWithItsReasonAndRecordsNothing() throws Exception {
        signIn(DashboardBrowserTest.KEY);
        browser.driver.get(base() + "/dashboard/accounts/" + ACCOUNT + "?lang=en");
        long before = recommendations.list(ACCOUNT, null, null, 0, 1).total();
        // past the browser's own checks: the server checks again
        ((JavascriptExecutor) browser.driver)
                .executeScript("const f = document.getElementById('optimize'); f.noValidate = true;"
                        + "document.getElementById('optimize-total').value = '-5';");
        browser.clickAndAwaitNextPage(By.id("optimize-submit"));
        WebElement error = browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("optimize-error")));
        assertThat(error.getAttribute("data-field")).isEqualTo("total");
        assertThat(error.getText())
                .startsWith("The optimizer refused the request")
                .contains("greater than 0");
        assertThat(browser.driver.findElement(By.id("optimize-total")).getAttribute("value"))
                .isEqualTo("-5");
        assertThat(recommendations.list(ACCOUNT, null, null, 0, 1).total()).isEqualTo(before);

        // what the API refuses with 422 (a total out of reach of the change ratio) comes back in the form too
        HttpResponse<String> api = send(HttpRequest.newBuilder(url("/api/v1/accounts/act_" + ACCOUNT + "/optimize"))
                .header("X-API-Key", DashboardBrowserTest.KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"objective\":\"conversions\",\"budget\":{\"total\":1000,\"max_change_ratio\":0.01}}"))
                .build());
        assertThat(api.statusCode()).as(api.body()).isEqualTo(422);
        String field = JSON.readTree(api.body()).at("/errors/0/field").asString();
        WebElement total = browser.driver.findElement(By.id("optimize-total"));
        total.clear();
        total.sendKeys("1000");
        WebElement ratio = browser.driver.findElement(By.id("optimize-ratio"));
        ratio.clear();
        ratio.sendKeys("0.01");
        browser.clickAndAwaitNextPage(By.id("optimize-submit"));
        browser.await().until(ExpectedConditions.attributeToBe(By.id("optimize-total"), "value", "1000"));
        assertThat(browser.driver.findElement(By.id("optimize-error")).getAttribute("data-field"))
                .isEqualTo(field);
        assertThat(recommendations.list(ACCOUNT, null, null, 0, 1).total()).isEqualTo(before);
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void aReadOnlyKeySeesNoFormAndItsPostIsForbiddenAsIsAPostWithoutToken() {
        signIn(DashboardBrowserTest.KEY);
        String editor = session();
        HttpResponse<String> noToken = send(HttpRequest.newBuilder(optimizeUrl())
                .header("Cookie", editor)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("total=150"))
                .build());
        assertThat(noToken.statusCode()).isEqualTo(403);
        HttpResponse<String> withToken = post(editor, csrf(editor));
        assertThat(withToken.statusCode()).isEqualTo(302);
        assertThat(withToken.headers().firstValue("Location").orElseThrow())
                .endsWith("/dashboard/accounts/" + ACCOUNT + "#recommendation");

        browser.driver.manage().deleteAllCookies();
        signIn(DashboardBrowserTest.VIEWER_KEY);
        browser.driver.get(base() + "/dashboard/accounts/" + ACCOUNT);
        assertThat(browser.driver.findElements(By.id("optimize"))).isEmpty();
        String viewer = session();
        long before = recommendations.list(ACCOUNT, null, null, 0, 1).total();
        assertThat(post(viewer, csrf(viewer)).statusCode()).isEqualTo(403);
        assertThat(recommendations.list(ACCOUNT, null, null, 0, 1).total()).isEqualTo(before);
    }

    private URI optimizeUrl() {
        return url("/dashboard/accounts/" + ACCOUNT + "/optimize");
    }

    private HttpResponse<String> post(String session, String token) {
        return send(HttpRequest.newBuilder(optimizeUrl())
                .header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "total=150&max_change_ratio=0.5&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build());
    }
}
