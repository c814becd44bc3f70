package io.metasystem.mlcore.ml;

import io.metasystem.mlcore.MlCoreApplication;
import io.metasystem.mlcore.store.AdSetAttributes;
import io.metasystem.mlcore.store.AdSetCatalog;
import io.metasystem.mlcore.store.AdSetDescriptor;
import io.metasystem.mlcore.store.AdsManagerCsv;
import io.metasystem.mlcore.store.InsightImporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ML_RETRAIN_SOURCE=store}: the scheduled run trains on the account's stored insights. Runs before the data
 * arrives fail (too few days) without stopping the schedule; once imported, a run registers a champion.
 */
@SpringBootTest(
        classes = MlCoreApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "mlcore.ml.retrain-cron=*/2 * * * * *",
            "mlcore.ml.retrain-source=store",
            "mlcore.ml.retrain-account=act_sched",
            "mlcore.ml.retrain-scope=account:act_sched",
            "mlcore.ml.max-rounds=40"
        })
class RetrainingFromStoreTest {
    @Autowired
    InsightImporter importer;

    @Autowired
    AdSetCatalog catalog;

    @Autowired
    ModelRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Test
    void scheduledRunTrainsOnTheStore() throws Exception {
        StringBuilder csv = new StringBuilder("Campaign name,Ad set name,Ad set ID,Day,Amount spent (EUR),Impressions,"
                + "Link clicks,Results,Purchases conversion value\n");
        LocalDate start = LocalDate.of(2026, 2, 1);
        for (int d = 0; d < 30; d++) {
            for (int i = 1; i <= 4; i++) {
                double spend = 10 + 5 * i + d % 3;
                csv.append("camp,s")
                        .append(i)
                        .append(",s")
                        .append(i)
                        .append(',')
                        .append(start.plusDays(d))
                        .append(',')
                        .append(spend)
                        .append(",1000,")
                        .append(20 + i)
                        .append(',')
                        .append((d * 7 + i * 3) % 5)
                        .append(",0\n");
            }
        }
        // attributes first, so no scheduled run sees the insights without them
        catalog.upsert(
                "act_sched",
                IntStream.rangeClosed(1, 4)
                        .mapToObj(i -> new AdSetDescriptor(
                                "s" + i,
                                "s" + i,
                                "camp",
                                "camp",
                                null,
                                "ACTIVE",
                                "EUR",
                                new AdSetAttributes(Map.of("age", i % 2 == 0 ? "18-24" : "25-34"))))
                        .toList());
        importer.importRows(
                "act_sched",
                "csv",
                AdsManagerCsv.parse(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8))));
        List<RegisteredModel> models = await("a scheduled run registers a model and its job succeeds")
                .atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> registry.list("account:sched"), // the configured account:act_sched, canonical
                        m -> !m.isEmpty() && succeededJobs("account:sched") > 0);
        assertThat(models).hasSize(1);
        assertThat(models.get(0).modelId()).startsWith("xgb-store_sched-conversions-");
        assertThat(registry.provenance(models.get(0).version())).contains("2026-03-02", "age=18-24");
        assertThat(jdbc.sql("select count(*) from ml_job where scope = 'account:sched' and status = 'succeeded' "
                                + "and cast(request as varchar) like '%store%'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    /** The job row turns succeeded just after the model is registered: wait for both, not only the model. */
    private long succeededJobs(String scope) {
        return jdbc.sql("select count(*) from ml_job where scope = :s and status = 'succeeded'")
                .param("s", scope)
                .query(Long.class)
                .single();
    }
}
