package io.metasystem.mlcore.web;

import io.metasystem.mlcore.meta.AuditEntry;
import io.metasystem.mlcore.meta.AuditLog;
import io.metasystem.mlcore.store.InsightImporter;
import io.metasystem.mlcore.store.RecommendationStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applying the latest recommendation from the account page in a real browser, in dummy mode (a dry run: nothing
 * leaves the service): the confirmation with its preview, the result with the audit rows, the audit page, a guardrail
 * refusal shown before confirming, CSRF, and a read-only key that sees no button and whose POST is 403. Same server
 * configuration as {@link DashboardBrowserTest} (one Spring context for both), an account of its own.
 */
@DashboardBrowserContext
class DashboardApplyBrowserTest extends BrowserPageTest {
    static final String ACCOUNT = "555000333";

    @Autowired
    InsightImporter importer;

    @Autowired
    RecommendationStore recommendations;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void seedAndSignOut() throws Exception {
        SeededCsv.importInto(importer, ACCOUNT);
        signOut();
    }

    /** A recommendation of the account within the default change guardrail (50 % a day), or beyond it. */
    private String optimize(boolean withinGuardrails) {
        String budget = withinGuardrails ? "{\"total\":150,\"max_change_ratio\":0.5}" : "{\"total\":150}";
        HttpResponse<String> answer = send(HttpRequest.newBuilder(url("/api/v1/accounts/act_" + ACCOUNT + "/optimize"))
                .header("X-API-Key", DashboardBrowserTest.KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"objective\":\"conversions\",\"currency\":\"EUR\","
                        + "\"budget\":" + budget + ",\"targets\":{\"cpa\":15},\"seed\":3}"))
                .build());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return recommendations.list(ACCOUNT, null, null, 0, 1).items().get(0).id();
    }

    @Test
    void applyIsConfirmedAfterADryRunPreviewAndTheResultShowsTheAuditRows() {
        String id = optimize(true);
        signIn(DashboardBrowserTest.KEY);
        browser.driver.get(base() + "/dashboard/accounts/" + ACCOUNT);
        browser.awaitCharts();
        browser.driver.findElement(By.id("apply-link")).click();
        browser.awaitUrlContains("/recommendations/" + id + "/apply");
        assertThat(browser.driver.findElement(By.id("mode")).getText()).contains("dry run", "Nothing leaves");
        assertThat(browser.driver.findElements(By.id("refusal"))).isEmpty();
        List<WebElement> planned = browser.driver.findElements(By.cssSelector("#apply-preview tbody tr"));
        assertThat(planned).hasSize(4);
        assertThat(audit.list(ACCOUNT, id, 0, 10).items())
                .as("the preview records nothing")
                .isEmpty();
        assertThat(browser.consoleProblems()).isEmpty();
        browser.screenshot("dashboard-apply-confirm", 1280);

        browser.clickAndAwaitNextPage(By.id("apply-confirm"));
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("result-status")));
        assertThat(browser.driver.findElement(By.id("result-status")).getAttribute("data-status"))
                .isEqualTo("dry_run");
        List<AuditEntry> rows = audit.list(ACCOUNT, id, 0, 10).items();
        assertThat(rows).hasSize(4).allSatisfy(e -> {
            assertThat(e.dryRun()).isTrue();
            assertThat(e.requestedBy()).isEqualTo("dashboard");
        });
        List<WebElement> shown = browser.driver.findElements(By.cssSelector("#audit tbody tr"));
        assertThat(shown)
                .extracting(e -> e.getAttribute("data-audit"))
                .containsExactlyInAnyOrderElementsOf(
                        rows.stream().map(e -> Long.toString(e.id())).toList());
        assertThat(shown)
                .allSatisfy(e -> assertThat(e.getAttribute("data-outcome")).isEqualTo("dry_run"));
        assertThat(browser.consoleProblems()).isEmpty();
        browser.screenshot("dashboard-apply-result", 1280);

        // the audit page lists the same rows
        browser.driver.findElement(By.id("audit-link")).click();
        browser.awaitUrlContains("/dashboard/audit");
        for (AuditEntry e : rows) {
            assertThat(browser.driver.findElements(By.cssSelector("#audit tr[data-audit='" + e.id() + "']")))
                    .hasSize(1);
        }
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Audit log");
        browser.screenshot("dashboard-audit", 1280);
        browser.driver.get(base() + "/dashboard/audit?lang=es");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Auditoría");

        // a row written by an apply that took the ad set over from an interrupted one shows its note, translated
        AuditEntry takenOver = rows.get(0);
        jdbc.sql("update meta_audit set outcome = 'unchanged', note = 'taken over' where id = :id")
                .param("id", takenOver.id())
                .update();
        browser.driver.navigate().refresh();
        assertThat(browser.driver
                        .findElement(By.cssSelector("#audit tr[data-audit='" + takenOver.id() + "'] .note"))
                        .getText())
                .startsWith("retomado de una aplicación interrumpida: Meta ya tenía el objetivo");
        browser.driver.get(base() + "/dashboard/audit?lang=en");
        assertThat(browser.driver
                        .findElement(By.cssSelector("#audit tr[data-audit='" + takenOver.id() + "'] .note"))
                        .getText())
                .startsWith("taken over from an interrupted apply: Meta already had the target");
        assertThat(browser.driver.findElements(By.cssSelector("#audit .note"))).hasSize(1);
        browser.screenshot("dashboard-audit-note", 1280);
        browser.driver.get(base() + "/dashboard?lang=en");
    }

    @Test
    void aGuardrailRefusalIsShownBeforeConfirmingAndAPostWithoutCsrfTokenIsForbidden() {
        String id = optimize(false);
        signIn(DashboardBrowserTest.KEY);
        browser.driver.get(base() + "/dashboard/accounts/" + ACCOUNT + "/recommendations/" + id + "/apply");
        assertThat(browser.driver.findElement(By.id("refusal")).getText()).contains("max_change_ratio");
        assertThat(browser.driver.findElements(By.id("apply-confirm"))).isEmpty();

        String session = session();
        HttpResponse<String> noToken = send(HttpRequest.newBuilder(applyUrl(id))
                .header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(""))
                .build());
        assertThat(noToken.statusCode()).isEqualTo(403);
        // with the token the refusal is a 422 page naming the guardrail, and nothing is recorded
        HttpResponse<String> refused = post(applyUrl(id), session, csrf(session));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("max_change_ratio");
        assertThat(audit.list(ACCOUNT, id, 0, 10).items()).isEmpty();
        browser.driver.get(base() + "/dashboard/accounts/" + ACCOUNT + "/recommendations/nope/apply");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
    }

    @Test
    void aReadOnlyKeySeesThePageButNoApplyButtonAndItsPostIsForbidden() {
        String id = optimize(true);
        signIn(DashboardBrowserTest.VIEWER_KEY);
        browser.driver.get(base() + "/dashboard/accounts/" + ACCOUNT);
        browser.awaitCharts();
        assertThat(browser.driver.findElements(By.id("recommendation-table"))).hasSize(1);
        assertThat(browser.driver.findElements(By.id("apply-link"))).isEmpty();
        browser.driver.get(base() + "/dashboard/accounts/" + ACCOUNT + "/recommendations/" + id + "/apply");
        assertThat(browser.driver.findElements(By.id("apply-confirm"))).isEmpty();
        assertThat(browser.driver.findElement(By.id("viewer-note")).getText()).contains("read-only");

        String session = session();
        HttpResponse<String> post = post(applyUrl(id), session, csrf(session));
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(audit.list(ACCOUNT, id, 0, 10).items()).isEmpty();
    }

    private URI applyUrl(String id) {
        return url("/dashboard/accounts/" + ACCOUNT + "/recommendations/" + id + "/apply");
    }

    private HttpResponse<String> post(URI to, String session, String token) {
        return send(HttpRequest.newBuilder(to)
                .header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build());
    }
}
