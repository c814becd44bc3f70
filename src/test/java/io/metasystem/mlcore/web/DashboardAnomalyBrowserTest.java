package io.metasystem.mlcore.web;

import io.metasystem.mlcore.store.AdsManagerCsv;
import io.metasystem.mlcore.store.InsightImporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Anomaly markers on the account page in a real browser: the documented anomalies example
 * ({@code docs/examples/anomalies-detect-request.json}, a CTR level shift on 2026-10-13 and a delivery stop on
 * 2026-10-17) imported as stored insights shows markPoints on those days, read from the ECharts option itself. Same
 * configuration as {@link DashboardBrowserTest} (one Spring context), an account of its own.
 */
@DashboardBrowserContext
class DashboardAnomalyBrowserTest extends BrowserPageTest {
    static final String ACCOUNT = "555000777";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    InsightImporter importer;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void seedAndSignOut() throws Exception {
        byte[] csv = exampleAsCsv().getBytes(StandardCharsets.UTF_8);
        importer.importRows("act_" + ACCOUNT, "csv", AdsManagerCsv.parse(new ByteArrayInputStream(csv)));
        signOut();
    }

    /** Removes the account again: the overview of {@link DashboardBrowserTest} (same context) counts the accounts. */
    @AfterEach
    void removeAccount() {
        for (String table : List.of("insight_history", "daily_insight", "ad_set", "campaign")) {
            jdbc.sql("delete from " + table + " where account_id = :id")
                    .param("id", ACCOUNT)
                    .update();
        }
        jdbc.sql("delete from ad_account where id = :id").param("id", ACCOUNT).update();
    }

    /**
     * The anomalies example as an Ads Manager export: the two "Pre-save" ad sets in one campaign, the teaser in
     * another.
     */
    static String exampleAsCsv() throws Exception {
        JsonNode example = JSON.readTree(Files.readString(Path.of("docs/examples/anomalies-detect-request.json")));
        StringBuilder out = new StringBuilder("Campaign name,Campaign ID,Ad set name,Ad set ID,Day,Ad set delivery,"
                + "Ad set budget,Amount spent (EUR),Impressions,Link clicks,Results,Result indicator,"
                + "Purchases conversion value,Reporting starts,Reporting ends\n");
        for (JsonNode adset : example.get("adsets")) {
            String name = adset.get("name").asString();
            boolean presave = name.startsWith("Pre-save");
            for (JsonNode day : adset.get("daily")) {
                String date = day.get("date").asString();
                out.append(String.join(
                                ",",
                                presave ? "\"Pre-save\"" : "\"Launch\"",
                                presave ? "23850000000077001" : "23850000000077002",
                                "\"" + name + "\"",
                                adset.get("id").asString(),
                                date,
                                "active",
                                adset.get("daily_budget").asString(),
                                day.get("spend").asString(),
                                day.get("impressions").asString(),
                                day.get("clicks").asString(),
                                day.get("conversions").asString(),
                                "actions:offsite_conversion.fb_pixel_purchase",
                                day.has("revenue") ? day.get("revenue").asString() : "0",
                                date,
                                date))
                        .append('\n');
            }
        }
        return out.toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePlantedDeliveryStopAndCtrDropAreMarkedOnTheirDaysWithTheirReasons() {
        signIn();
        browser.driver.get(base() + "/dashboard/accounts/" + ACCOUNT + "?lang=en&days=28");
        browser.awaitCharts();
        List<Map<String, Object>> volume = marks("volume-chart");
        assertThat(volume)
                .as("spend series (0): the delivery stop of 2026-10-17")
                .anySatisfy(m -> {
                    assertThat(m).containsEntry("series", 0L).containsEntry("date", "2026-10-17");
                    assertThat(m.get("metric")).isEqualTo("spend");
                    assertThat((String) m.get("reason")).isNotBlank();
                });
        assertThat(volume)
                .as("conversions series (1): the CTR level shift of 2026-10-13")
                .anySatisfy(m -> {
                    assertThat(m).containsEntry("series", 1L).containsEntry("date", "2026-10-13");
                    assertThat(m.get("metric")).isEqualTo("ctr");
                    assertThat((String) m.get("reason")).contains("Pre-save | Lookalike 1% ES | Reels");
                });
        // the stopped day's expected spend (the account's day with the ad set at its expected spend) lies in its
        // interval, above what was spent; the interval is drawn as an error bar on that day
        Map<String, Object> stopped = volume.stream()
                .filter(m -> "expected".equals(m.get("kind")) && "2026-10-17".equals(m.get("date")))
                .findFirst()
                .orElseThrow();
        List<Number> stoppedSpend = (List<Number>) volume.stream()
                .filter(m -> "spend".equals(m.get("metric"))
                        && "2026-10-17".equals(m.get("date"))
                        && !"expected".equals(m.get("kind")))
                .findFirst()
                .orElseThrow()
                .get("coord");
        double expected = ((List<Number>) stopped.get("coord")).get(1).doubleValue();
        assertThat(expected).isGreaterThan(stoppedSpend.get(1).doubleValue());
        List<Number> bar = (List<Number>) ((JavascriptExecutor) browser.driver)
                .executeScript("var o = echarts.getInstanceByDom(document.getElementById('volume-chart')).getOption();"
                        + "var d = o.series[0].markLine.data[0];"
                        + "return [d[0].coord[0], d[0].coord[1], d[1].coord[1]];");
        assertThat(bar.get(0).intValue())
                .isEqualTo(((List<Number>) stopped.get("coord")).get(0).intValue());
        assertThat(expected).isBetween(bar.get(1).doubleValue(), bar.get(2).doubleValue());
        assertThat(browser.driver.findElement(By.id("anomaly-note")).getText()).startsWith("Anomalies found");
        browser.screenshotOf("account-anomalies", 1280, 900, "#evolution-title");
        assertThat(browser.consoleProblems()).isEmpty();

        browser.driver.get(base() + "/dashboard/accounts/" + ACCOUNT + "?lang=es&days=28");
        browser.awaitCharts();
        assertThat(browser.driver.findElement(By.id("anomaly-note")).getText()).startsWith("Anomalías encontradas");
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void eachAdSetAndCampaignHasItsDailySpendAndConversionsAsStored() throws Exception {
        JsonNode example = JSON.readTree(Files.readString(Path.of("docs/examples/anomalies-detect-request.json")));
        String day = "2026-10-13";
        double campaignSpend = 0;
        double campaignConversions = 0;
        signIn();
        browser.driver.get(base() + "/dashboard/accounts/" + ACCOUNT + "?lang=en&days=28");
        browser.awaitCharts();
        for (JsonNode adset : example.get("adsets")) {
            if (!adset.get("name").asString().startsWith("Pre-save")) {
                continue;
            }
            JsonNode stored = null;
            for (JsonNode d : adset.get("daily")) {
                if (day.equals(d.get("date").asString())) {
                    stored = d;
                }
            }
            List<Number> shown = figures("breakdown-adset-" + adset.get("id").asString(), day);
            assertThat(shown.get(0).doubleValue()).isEqualTo(stored.get("spend").asDouble());
            assertThat(shown.get(1).doubleValue())
                    .isEqualTo(stored.get("conversions").asDouble());
            campaignSpend += stored.get("spend").asDouble();
            campaignConversions += stored.get("conversions").asDouble();
        }
        List<Number> campaign = figures("breakdown-campaign-23850000000077001", day);
        assertThat(campaign.get(0).doubleValue()).isCloseTo(campaignSpend, within(0.005));
        assertThat(campaign.get(1).doubleValue()).isEqualTo(campaignConversions);
        // the teaser's last day is 2026-09-18, before the period: no chart for it nor for its campaign
        assertThat(browser.driver.findElements(By.id("breakdown-adset-23851234567890003")))
                .isEmpty();
        assertThat(browser.driver.findElements(By.id("breakdown-campaign-23850000000077002")))
                .isEmpty();
        assertThat(browser.driver.findElement(By.id("breakdown-title")).getText())
                .isEqualTo("Per campaign and ad set");
        assertThat(browser.consoleProblems()).isEmpty();
        browser.screenshotOf("account-breakdown", 1280, 900, "#breakdown");
        browser.driver.get(base() + "/dashboard/accounts/" + ACCOUNT + "?lang=es&days=28");
        browser.awaitCharts();
        assertThat(browser.driver.findElement(By.id("breakdown-title")).getText())
                .isEqualTo("Por campaña y conjunto de anuncios");
        assertThat(browser.consoleProblems()).isEmpty();
    }

    /** Spend and conversions a chart's ECharts option holds for a day. */
    @SuppressWarnings("unchecked")
    private List<Number> figures(String chartId, String day) {
        return (List<Number>) ((JavascriptExecutor) browser.driver)
                .executeScript(
                        "var el = document.getElementById(arguments[0]);"
                                + "var i = JSON.parse(el.getAttribute('data-chart')).x.indexOf(arguments[1]);"
                                + "var o = echarts.getInstanceByDom(el).getOption();"
                                + "return [o.series[0].data[i], o.series[1].data[i]];",
                        chartId,
                        day);
    }

    /** Every markPoint of a chart's ECharts option, with its series index. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> marks(String chartId) {
        return (List<Map<String, Object>>) ((JavascriptExecutor) browser.driver)
                .executeScript(
                        "var o = echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption();"
                                + "var out = [];"
                                + "o.series.forEach(function (s, i) {"
                                + "  ((s.markPoint || {}).data || []).forEach(function (d) {"
                                + "    out.push({series: i, date: d.date, metric: d.metric, kind: d.kind,"
                                + "              reason: d.reason, coord: d.coord});"
                                + "  });"
                                + "});"
                                + "return out;",
                        chartId);
    }
}
