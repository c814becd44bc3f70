package io.metasystem.mlcore.web;

import io.metasystem.mlcore.alerts.Alert;
import io.metasystem.mlcore.alerts.AlertService;
import io.metasystem.mlcore.alerts.AlertState;
import io.metasystem.mlcore.alerts.Silence;
import io.metasystem.mlcore.store.InsightImporter;
import io.metasystem.mlcore.store.RecommendationStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The dashboard in a real browser (Debian's headless Chromium) against the real server, seeded with
 * {@code docs/examples/ads_manager_export.csv} (through the store's importer) and one optimize answer (through the
 * API). Figures the pages must show are computed here from the CSV itself.
 */
@DashboardBrowserContext
class DashboardBrowserTest extends BrowserPageTest {
    static final String KEY = "dashboard-test-key-0123456789";
    static final String VIEWER_KEY = "dashboard-viewer-key-0123456789";
    static final String ACCOUNT = "555000111";
    private static final String SOME_AD_SET = "23851000000000003";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    InsightImporter importer;

    @Autowired
    RecommendationStore recommendations;

    @Autowired
    AlertService alerts;

    @BeforeEach
    void seedAndSignOut() throws Exception {
        SeededCsv.importInto(importer, ACCOUNT);
        if (recommendations.list(ACCOUNT, null, null, 0, 1).items().isEmpty()) {
            HttpResponse<String> optimize =
                    send(HttpRequest.newBuilder(url("/api/v1/accounts/act_" + ACCOUNT + "/optimize"))
                            .header("X-API-Key", KEY)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"objective\":\"conversions\",\"currency\":\"EUR\",\"budget\":{\"total\":150},"
                                            + "\"targets\":{\"cpa\":15},\"seed\":7}"))
                            .build());
            assertThat(optimize.statusCode()).as(optimize.body()).isEqualTo(200);
        }
        signOut();
    }

    @Test
    void dashboardWithoutSessionRedirectsToSignIn() {
        browser.driver.get(base() + "/dashboard");
        browser.awaitUrlContains("/login");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
        assertThat(browser.driver.getPageSource()).doesNotContain(ACCOUNT);
    }

    @Test
    void wrongKeyIsRefusedAndTheRightKeySignsIn() {
        browser.driver.get(base() + "/login");
        submitKey("not-the-key-0123456789");
        browser.awaitUrlContains("/login?error");
        WebElement error = browser.driver.findElement(By.id("login-error"));
        assertThat(error.getText()).contains("not valid");
        assertThat(browser.driver.getPageSource()).doesNotContain("not-the-key-0123456789");

        submitKey(KEY);
        browser.awaitUrlContains("/dashboard");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Accounts");
        Cookie session = browser.driver.manage().getCookieNamed("JSESSIONID");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void overviewShowsTheAccountsKpisAndTrend() {
        signIn();
        browser.driver.get(base() + "/dashboard");
        assertThat(browser.awaitCharts()).isEqualTo(1);
        WebElement card = browser.driver.findElement(By.cssSelector("[data-account='" + ACCOUNT + "']"));
        List<WebElement> spend = card.findElements(By.cssSelector("[data-kpi='spend'] .value"));
        assertThat(spend).hasSize(2);
        assertThat(text(spend.get(0))).isEqualTo(euros(SeededCsv.spend(7, null)));
        assertThat(text(spend.get(1))).isEqualTo(euros(SeededCsv.spend(28, null)));
        assertThat(card.getText()).contains("Oct 22, 2026 – Oct 28, 2026").contains("no earlier data to compare");
        assertThat(card.findElements(By.cssSelector(".period")).get(0).findElements(By.cssSelector(".tile")))
                .extracting(e -> e.getAttribute("data-kpi"))
                .containsExactly("spend", "conversions", "cpa", "roas", "cpm", "ctr");
        assertThat(browser.consoleProblems()).isEmpty();
        browser.screenshot("dashboard-overview", 1280);
    }

    @Test
    void accountPageShowsEvolutionAdSetsAndTheLatestRecommendation() {
        signIn();
        browser.driver.get(base() + "/dashboard/accounts/act_" + ACCOUNT);
        List<WebElement> curves = browser.driver.findElements(By.cssSelector("#curves figure[data-adset]"));
        assertThat(curves).hasSizeGreaterThanOrEqualTo(3);
        assertThat(browser.awaitCharts()).isEqualTo(3 + curves.size() + browser.breakdownCharts());
        assertThat(browser.driver.findElements(By.cssSelector("#adsets tbody tr")))
                .hasSize(4);
        WebElement row = browser.driver.findElement(By.cssSelector("#adsets tr[data-adset='" + SOME_AD_SET + "']"));
        assertThat(text(row.findElements(By.tagName("td")).get(3))).isEqualTo(euros(SeededCsv.spend(28, SOME_AD_SET)));

        List<WebElement> lines = browser.driver.findElements(By.cssSelector("#recommendation-table tbody.line"));
        assertThat(lines).hasSize(4);
        for (WebElement line : lines) {
            assertThat(line.findElement(By.cssSelector(".action")).getText())
                    .isIn("Increase", "Decrease", "Hold", "Pause");
            assertThat(line.findElements(By.cssSelector(".reasons li"))).isNotEmpty();
            assertThat(line.findElement(By.cssSelector(".recommended")).getText())
                    .startsWith("€");
        }
        assertThat(browser.driver.findElement(By.id("recommendation")).getText())
                .contains("total budget €150.00 per day");
        // each curve passes through the optimizer's own figures at the recommended budget
        JsonNode answer = recommendations
                .get(recommendations
                        .list(ACCOUNT, null, null, 0, 1)
                        .items()
                        .get(0)
                        .id())
                .response();
        for (WebElement curve : curves) {
            JsonNode adSet = null;
            for (JsonNode a : answer.path("adsets")) {
                if (a.path("id").asString().equals(curve.getAttribute("data-adset"))) {
                    adSet = a;
                }
            }
            assertThat(adSet).isNotNull();
            JsonNode chart = JSON.readTree(
                    curve.findElement(By.cssSelector("[data-chart]")).getAttribute("data-chart"));
            JsonNode point = chart.path("series").get(2).path("points").get(0);
            assertThat(point.get(0).asDouble())
                    .isEqualTo(adSet.path("recommended_budget").asDouble());
            assertThat(point.get(1).asDouble())
                    .isCloseTo(adSet.path("expected_conversions").asDouble(), within(1e-4));
            assertThat(curve.findElements(By.cssSelector("svg path"))).isNotEmpty();
        }
        List<WebElement> decisions = browser.driver.findElements(By.cssSelector("#early-stop-table tbody tr"));
        assertThat(decisions).hasSize(4);
        for (WebElement d : decisions) {
            assertThat(d.findElement(By.cssSelector(".decision")).getText()).isIn("Stop", "Keep running");
        }
        assertThat(browser.consoleProblems()).isEmpty();
        browser.screenshot("dashboard-account", 1280);
        browser.screenshotOf("dashboard-account-phone", 390, 844, "main");
        browser.screenshotOf("phone-adsets", 390, 844, "#adsets");
        browser.screenshotOf("phone-recommendation", 390, 844, "#recommendation-table");
    }

    @Test
    void periodSwitchShowsTheLastSevenDays() {
        signIn();
        browser.driver.get(base() + "/dashboard/accounts/" + ACCOUNT);
        browser.awaitCharts();
        new Select(browser.driver.findElement(By.id("days"))).selectByValue("7");
        browser.driver.findElement(By.cssSelector(".period-form button")).click();
        browser.awaitUrlContains("days=7");
        browser.awaitCharts();
        assertThat(text(browser.driver.findElement(By.cssSelector("[data-kpi='spend'] .value"))))
                .isEqualTo(euros(SeededCsv.spend(7, null)));
        WebElement row = browser.driver.findElement(By.cssSelector("#adsets tr[data-adset='" + SOME_AD_SET + "']"));
        assertThat(text(row.findElements(By.tagName("td")).get(3))).isEqualTo(euros(SeededCsv.spend(7, SOME_AD_SET)));
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void spanishPagesShowSpanishLabelsAndDecimalCommas() {
        signIn();
        browser.driver.get(base() + "/dashboard?lang=es");
        browser.awaitCharts();
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Cuentas");
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang"))
                .isEqualTo("es");
        WebElement spend = browser.driver.findElement(By.cssSelector("[data-kpi='spend'] .value"));
        String expected = SeededCsv.spend(7, null).setScale(2).toPlainString().replace('.', ',');
        assertThat(text(spend)).isEqualTo(expected + " €");
        assertThat(browser.driver
                        .findElement(By.cssSelector("[data-kpi='spend'] dt"))
                        .getText())
                .isEqualToIgnoringCase("Gasto");
        // the choice is remembered: the account page stays in Spanish without ?lang
        browser.driver.get(base() + "/dashboard/accounts/" + ACCOUNT);
        browser.awaitCharts();
        assertThat(browser.driver.findElement(By.id("recommendation-title")).getText())
                .isEqualTo("Última recomendación");
        assertThat(browser.consoleProblems()).isEmpty();
        browser.screenshot("dashboard-account-es", 1280);
        browser.driver.get(base() + "/dashboard?lang=en");
    }

    @Test
    void alertsPageListsAnOpenAlertAndAcknowledgesItThroughItsForm() {
        Alert alert =
                alerts.tokenRejected(ACCOUNT, "Meta rejected the access token (code 190): renew META_ACCESS_TOKEN");
        signIn();
        browser.driver.get(base() + "/dashboard");
        browser.driver.findElement(By.linkText("Alerts")).click();
        browser.awaitUrlContains("/dashboard/alerts");
        WebElement row = browser.driver.findElement(By.cssSelector("#alerts tr[data-alert='" + alert.id() + "']"));
        assertThat(row.getAttribute("data-state")).isEqualTo("firing");
        assertThat(row.getText()).contains("meta_token_rejected", "renew META_ACCESS_TOKEN", ACCOUNT);
        assertThat(browser.consoleProblems()).isEmpty();
        browser.screenshot("dashboard-alerts", 1280);

        row.findElement(By.cssSelector("button.ack")).click();
        browser.awaitUrlContains("acknowledged=" + alert.id());
        assertThat(alerts.find(alert.id()).state()).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThat(browser.driver.findElement(By.cssSelector(".alert.info")).getText())
                .contains("acknowledged");
        WebElement acked = browser.driver.findElement(By.cssSelector("#alerts tr[data-alert='" + alert.id() + "']"));
        assertThat(acked.getAttribute("data-state")).isEqualTo("acknowledged");
        assertThat(acked.findElements(By.cssSelector("button.ack"))).isEmpty();

        browser.driver.get(base() + "/dashboard/alerts?state=firing&lang=es");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Alertas");
        assertThat(browser.driver.findElements(By.cssSelector("#alerts tr[data-alert='" + alert.id() + "']")))
                .isEmpty();
        browser.driver.get(base() + "/dashboard?lang=en");
    }

    @Test
    void aSilenceIsCreatedFromAnAlertWithItsExpiryAndCommentListedAndDeleted() {
        Alert alert = alerts.tokenRejected("777000444", "Meta rejected the access token (code 190)");
        signIn();
        browser.driver.get(base() + "/dashboard/alerts");
        WebElement row = browser.driver.findElement(By.cssSelector("#alerts tr[data-alert='" + alert.id() + "']"));
        row.findElement(By.cssSelector("a.silence-link")).click();
        browser.awaitUrlContains("silence=" + alert.id());
        assertThat(browser.driver.findElement(By.id("silence-account")).getAttribute("value"))
                .isEqualTo("777000444");
        assertThat(browser.driver.findElement(By.id("silence-kind")).getAttribute("value"))
                .isEqualTo(AlertService.TOKEN_KIND);
        new Select(browser.driver.findElement(By.id("silence-duration"))).selectByValue("PT72H");
        browser.driver.findElement(By.id("silence-comment")).sendKeys("token renewed on Monday");
        OffsetDateTime before = OffsetDateTime.now();
        browser.driver.findElement(By.id("silence-submit")).click();
        browser.awaitUrlContains("silenced=");
        Silence made = alerts.silences(false).stream()
                .filter(x -> "777000444".equals(x.accountId()))
                .findFirst()
                .orElseThrow();
        assertThat(made.comment()).isEqualTo("token renewed on Monday");
        assertThat(made.kind()).isEqualTo(AlertService.TOKEN_KIND);
        assertThat(Duration.between(before, made.endsAt()).toHours()).isBetween(71L, 72L);
        WebElement listed =
                browser.driver.findElement(By.cssSelector("#silences-table tr[data-silence='" + made.id() + "']"));
        assertThat(listed.getText()).contains("token renewed on Monday", "777000444");
        assertThat(browser.consoleProblems()).isEmpty();
        browser.screenshot("dashboard-alerts-silences", 1280);

        listed.findElement(By.cssSelector("button.delete-silence")).click();
        browser.awaitUrlContains("unsilenced=" + made.id());
        assertThat(browser.driver.findElements(By.cssSelector("#silences-table tr[data-silence='" + made.id() + "']")))
                .isEmpty();
        assertThat(alerts.silences(false)).noneMatch(x -> x.id().equals(made.id()));

        // a silence without any matcher is refused with a message, nothing stored
        int count = alerts.silences(true).size();
        browser.driver.findElement(By.id("silence-comment")).sendKeys("everything");
        browser.driver.findElement(By.id("silence-submit")).click();
        browser.awaitUrlContains("silence_error=matcher");
        assertThat(browser.driver.findElement(By.id("silence-error")).getText()).contains("at least one");
        assertThat(alerts.silences(true)).hasSize(count);
        browser.driver.get(base() + "/dashboard/alerts?lang=es");
        assertThat(browser.driver.findElement(By.id("silences-title")).getText())
                .isEqualTo("Silencios");
        browser.driver.get(base() + "/dashboard?lang=en");
    }

    @Test
    void artistPageShowsSpendNextToStreamsAndTheIncrementalEstimateApartFromTheNaiveRatio() {
        String artist = "{\"name\": \"Luna Verde\", \"ad_accounts\": [\"act_" + ACCOUNT + "\"]}";
        assertThat(send(api("PUT", "/api/v1/artists/luna-verde", "application/json", artist))
                        .statusCode())
                .isEqualTo(200);
        StringBuilder timeline = new StringBuilder("date,listeners,streams,followers\n");
        LocalDate last = SeededCsv.lastDay();
        long streams = 0;
        for (int d = 59; d >= 0; d--) {
            LocalDate day = last.minusDays(d);
            long today = 4000 + 37L * (d % 7);
            streams += today;
            timeline.append(day)
                    .append(",900,")
                    .append(today)
                    .append(',')
                    .append(1000 + 60 - d)
                    .append('\n');
        }
        assertThat(send(api("POST", "/api/v1/artists/luna-verde/spotify/timeline.csv", "text/csv", timeline.toString()))
                        .statusCode())
                .isEqualTo(200);
        signIn();
        browser.driver.get(base() + "/dashboard/artists");
        browser.driver.findElement(By.linkText("Luna Verde")).click();
        browser.awaitUrlContains("/dashboard/artists/luna-verde");
        assertThat(browser.awaitCharts()).isEqualTo(1);
        assertThat(text(browser.driver.findElement(By.cssSelector("[data-total='streams'] .value"))))
                .isEqualTo(String.format(Locale.US, "%,d", streams));
        assertThat(text(browser.driver.findElement(By.cssSelector("[data-total='spend'] .value"))))
                .isEqualTo(euros(SeededCsv.spend(60, null)));
        assertThat(browser.driver.findElement(By.id("attribution")).getText()).contains("Incremental streams", "90 %");
        assertThat(browser.consoleProblems()).isEmpty();
        browser.screenshot("dashboard-artist", 1280);
        browser.driver.get(base() + "/dashboard/artists/luna-verde?lang=es");
        assertThat(browser.driver.findElement(By.id("attribution-title")).getText())
                .isEqualTo("Lo que los anuncios añadieron a las reproducciones");
        browser.driver.get(base() + "/dashboard/artists/nobody?lang=en");
        assertThat(browser.driver.getPageSource()).contains("There is no artist nobody");
    }

    @Test
    void aReadOnlyKeySignsInAsAViewerWhoSeesAlertsButCannotAcknowledgeThem() {
        // an account of its own: the other alerts test acknowledges the seeded account's token alert
        Alert alert = alerts.tokenRejected("777000222", "Meta rejected the access token (code 190)");
        assertThat(alert.state()).isEqualTo(AlertState.FIRING);
        browser.driver.get(base() + "/login");
        submitKey(VIEWER_KEY);
        browser.awaitUrlContains("/dashboard");
        browser.driver.get(base() + "/dashboard/alerts");
        WebElement row = browser.driver.findElement(By.cssSelector("#alerts tr[data-alert='" + alert.id() + "']"));
        assertThat(row.findElements(By.cssSelector("button.ack"))).isEmpty();

        String session = session();
        HttpResponse<String> post = send(HttpRequest.newBuilder(url("/dashboard/alerts/" + alert.id() + "/ack"))
                .header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(""))
                .build());
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(alerts.find(alert.id()).state()).isEqualTo(AlertState.FIRING);
    }

    @Test
    void apiAnswersCarryHardeningHeaders() {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(url("/api/v1/accounts"))
                .header("X-API-Key", KEY)
                .GET()
                .build());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        // CORS is closed without CORS_ALLOWED_ORIGINS: a preflight from another origin gets no allow header
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(url("/api/v1/accounts"))
                .header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
    }

    @Test
    void modelsPageListsAnUploadedVisionModelWithItsClasses() throws IOException {
        byte[] onnx = Files.readAllBytes(Path.of("src/test/resources/vision/yolov8_planted.onnx"));
        String boundary = "----mlcore-test-boundary";
        byte[] head = ("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"planted.onnx\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + onnx.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(onnx, 0, body, head.length, onnx.length);
        System.arraycopy(tail, 0, body, head.length + onnx.length, tail.length);
        HttpResponse<String> upload = send(HttpRequest.newBuilder(url("/api/v1/vision/models"))
                .header("X-API-Key", KEY)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
        assertThat(upload.statusCode()).as(upload.body()).isIn(200, 201);

        signIn();
        browser.driver.get(base() + "/dashboard");
        browser.driver.findElement(By.linkText("Models")).click();
        browser.awaitUrlContains("/dashboard/models");
        WebElement row = browser.driver.findElement(By.cssSelector("#vision-models tbody tr"));
        assertThat(row.getText()).contains("planted.onnx", "person", "bicycle", "64×64");
        assertThat(browser.driver.findElements(By.id("no-ml-models"))).hasSize(1);
        assertThat(browser.consoleProblems()).isEmpty();
        browser.driver.get(base() + "/dashboard/models?lang=es");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Modelos");
        browser.driver.get(base() + "/dashboard?lang=en");
    }

    @Test
    void recommendationHistoryShowsEachRecommendationWithItsOutcome() {
        signIn();
        browser.driver.get(base() + "/dashboard/accounts/" + ACCOUNT);
        browser.awaitCharts();
        browser.driver.findElement(By.id("history-link")).click();
        browser.awaitUrlContains("/recommendations");
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#recommendations tbody tr"));
        assertThat(rows).isNotEmpty();
        String id = rows.get(0).getAttribute("data-recommendation");
        assertThat(recommendations
                        .outcome(id, RecommendationsPageController.OUTCOME_DAYS)
                        .status())
                .isEqualTo(rows.get(0).getAttribute("data-outcome"));
        assertThat(browser.consoleProblems()).isEmpty();
        assertThat(browser.driver.findElement(By.tagName("main")).getText())
                .contains("the " + RecommendationsPageController.OUTCOME_DAYS + " days after")
                .contains("account's");
        browser.screenshot("dashboard-recommendations", 1280);
        browser.driver.get(base() + "/dashboard/accounts/nobody/recommendations");
        assertThat(browser.driver.getPageSource()).contains("nobody");
    }

    private HttpRequest api(String method, String path, String type, String body) {
        return HttpRequest.newBuilder(url(path))
                .header("X-API-Key", KEY)
                .header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    @Test
    void signOutEndsTheSession() {
        signIn();
        browser.driver.get(base() + "/dashboard");
        browser.driver.findElement(By.cssSelector("form.logout button")).click();
        browser.awaitUrlContains("/login?logout");
        assertThat(browser.driver.findElement(By.cssSelector(".alert.info")).getText())
                .isEqualTo("You are signed out.");
        browser.driver.get(base() + "/dashboard");
        browser.awaitUrlContains("/login");
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("/dashboard");
    }

    @Test
    void postWithoutCsrfTokenIsForbiddenAndTheSessionNeverOpensTheApi() {
        signIn();
        String session = session();
        HttpResponse<String> logout = send(HttpRequest.newBuilder(url("/logout"))
                .header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(logout.statusCode()).isEqualTo(403);
        HttpResponse<String> stillSignedIn = send(HttpRequest.newBuilder(url("/dashboard"))
                .header("Cookie", session)
                .GET()
                .build());
        assertThat(stillSignedIn.statusCode()).isEqualTo(200);
        HttpResponse<String> api = send(HttpRequest.newBuilder(url("/api/v1/accounts"))
                .header("Cookie", session)
                .GET()
                .build());
        assertThat(api.statusCode()).isEqualTo(401);
    }

    @Test
    void unknownAccountIsANotFoundPage() {
        signIn();
        String session = session();
        HttpResponse<String> page = send(HttpRequest.newBuilder(url("/dashboard/accounts/404404"))
                .header("Cookie", session)
                .GET()
                .build());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        browser.driver.get(base() + "/dashboard/accounts/404404");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("404404");
    }

    private static String euros(BigDecimal amount) {
        return String.format(Locale.ROOT, "€%,.2f", amount);
    }

    /** Visible text with no-break spaces as plain spaces (locales put them between number and symbol). */
    private static String text(WebElement element) {
        return element.getText().replace('\u00a0', ' ').replace('\u202f', ' ').strip();
    }
}
