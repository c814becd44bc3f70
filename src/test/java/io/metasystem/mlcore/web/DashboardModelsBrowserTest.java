package io.metasystem.mlcore.web;

import io.metasystem.mlcore.ml.Datasets;
import io.metasystem.mlcore.ml.ModelRegistry;
import io.metasystem.mlcore.ml.Provenance;
import io.metasystem.mlcore.ml.Validation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The models page's held-out deviance per version in a real browser: three versions registered through the registry
 * (deviances known) appear in registration order on the line of their scope, read from the ECharts option. Same
 * configuration as {@link DashboardBrowserTest} (one Spring context); the versions are removed again, since that
 * class expects no prior model.
 */
@DashboardBrowserContext
class DashboardModelsBrowserTest extends BrowserPageTest {
    private static final String SCOPE = "dash3-browser";

    @Autowired
    ModelRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeModels() {
        jdbc.sql("delete from ml_model where scope = :scope")
                .param("scope", SCOPE)
                .update();
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachVersionsHeldOutDevianceIsPlottedInRegistrationOrder() {
        double[] deviances = {0.91, 0.84, 0.87};
        List<Long> versions = new ArrayList<>();
        for (double d : deviances) {
            versions.add(register(d));
        }
        signOut();
        signIn();
        browser.driver.get(base() + "/dashboard/models?lang=en");
        browser.awaitCharts();
        Map<String, Object> option = (Map<String, Object>) ((JavascriptExecutor) browser.driver)
                .executeScript(
                        "var scope = arguments[0];"
                                + "var o = echarts.getInstanceByDom(document.getElementById('deviance-chart'))"
                                + ".getOption();"
                                + "var s = o.series.filter(function (s) { return s.name.indexOf(scope) >= 0; })[0];"
                                + "return {x: o.xAxis[0].data, y: s.data, type: s.type};",
                        SCOPE);
        assertThat(option.get("type")).isEqualTo("line");
        List<String> x = (List<String>) option.get("x");
        List<Number> y = (List<Number>) option.get("y");
        for (int i = 0; i < versions.size(); i++) {
            int at = x.indexOf("v" + versions.get(i));
            assertThat(at).as("version %d on the axis", versions.get(i)).isGreaterThanOrEqualTo(0);
            assertThat(y.get(at).doubleValue()).isEqualTo(deviances[i]);
            if (i > 0) {
                assertThat(at).isGreaterThan(x.indexOf("v" + versions.get(i - 1)));
            }
        }
        assertThat(browser.driver.findElement(By.cssSelector("#deviance-chart")).getAttribute("aria-label"))
                .startsWith("Held-out deviance of each version");
        assertThat(browser.consoleProblems()).isEmpty();
        browser.screenshotOf("models-deviance", 1280, 900, "#ml-title");
        browser.driver.get(base() + "/dashboard/models?lang=es");
        browser.awaitCharts();
        assertThat(browser.driver.findElement(By.cssSelector("#deviance-chart")).getAttribute("aria-label"))
                .startsWith("Devianza en validación");
        assertThat(browser.consoleProblems()).isEmpty();
    }

    private long register(double deviance) {
        byte[] artifact = ("{\"model\": " + deviance + "}").getBytes(StandardCharsets.UTF_8);
        Validation.ModelScore score =
                new Validation.ModelScore("xgboost_poisson", 10, deviance, deviance, 1, 1, 0.1, 10, 1, 1, List.of());
        Validation.Result result =
                new Validation.Result("kag", "t", "grouped 5-fold", List.of("fold 1/5"), List.of(score));
        Provenance p = new Provenance(
                "m-" + deviance,
                "model.json",
                Datasets.sha256(artifact),
                "kag",
                "d",
                "t",
                "w",
                10,
                0,
                List.of("f"),
                Map.of(),
                42,
                Map.of(),
                result);
        return registry.register(SCOPE, artifact, p, "{}", 0.05).version();
    }
}
