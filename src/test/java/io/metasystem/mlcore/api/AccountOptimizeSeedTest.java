package io.metasystem.mlcore.api;

import io.metasystem.mlcore.store.AccountIds;
import io.metasystem.mlcore.store.AdSetHistory;
import io.metasystem.mlcore.store.AdsManagerCsv;
import io.metasystem.mlcore.store.DailyInsight;
import io.metasystem.mlcore.store.InsightImporter;
import io.metasystem.mlcore.store.InsightStore;
import io.metasystem.mlcore.testing.WebApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ObjectNode;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An optimization on stored history maps the stored rows straight to the optimizer's input; its default seed must
 * still be the one the stateless request built from the same rows gives, so that answers stay what they were. Runs in
 * the {@link WebApiTest} profile's shared context, on an account of its own.
 */
class AccountOptimizeSeedTest extends WebApiTest {
    @Autowired
    InsightImporter importer;

    @Autowired
    InsightStore store;

    @Autowired
    AccountOptimizeFlow flow;

    @Autowired
    OptimizeMapper mapper;

    @Test
    void defaultSeedOfAStoredHistoryIsTheSeedOfTheSameStatelessRequest() throws Exception {
        String account = "seed" + UUID.randomUUID().toString().substring(0, 8);
        try (InputStream csv = Files.newInputStream(Path.of("docs/examples", "ads_manager_export.csv"))) {
            importer.importRows(account, "csv", AdsManagerCsv.parse(csv));
        }
        AccountOptimizeRequest request = new AccountOptimizeRequest(
                "revenue",
                null,
                new OptimizeRequest.Budget(150.0, 5.0, null, 0.5, null),
                null,
                0.5,
                null,
                null,
                null,
                14,
                null,
                false,
                null,
                null,
                null,
                null);

        ObjectNode answer = flow.optimize(account, request);

        LocalDate from = LocalDate.parse(answer.at("/history/from").asString());
        LocalDate to = LocalDate.parse(answer.at("/history/to").asString());
        List<AdSetHistory> histories = store.histories(AccountIds.canonical(account), null, from, to);
        OptimizeRequest stateless = new OptimizeRequest(
                request.objective(),
                histories.get(0).adSet().currency(),
                request.budget(),
                request.targets(),
                request.riskAversion(),
                request.earlyStop(),
                request.halfLifeDays(),
                null,
                asRequestAdSets(histories),
                null,
                null,
                null,
                null);
        assertThat(answer.get("seed").asLong()).isEqualTo(mapper.defaultSeed(stateless));
        assertThat(answer.get("adsets").size()).isEqualTo(histories.size());
    }

    /** The stored rows as the stateless request's ad sets (how the account route used to build its problem). */
    private static List<OptimizeRequest.AdSet> asRequestAdSets(List<AdSetHistory> histories) {
        List<OptimizeRequest.AdSet> out = new ArrayList<>();
        for (AdSetHistory h : histories) {
            List<OptimizeRequest.Daily> daily = new ArrayList<>();
            for (DailyInsight d : h.days()) {
                daily.add(new OptimizeRequest.Daily(
                        d.date(),
                        d.spend().doubleValue(),
                        d.impressions() == null ? null : d.impressions().doubleValue(),
                        d.clicks() == null ? null : d.clicks().doubleValue(),
                        d.conversions() == null ? 0.0 : d.conversions().doubleValue(),
                        d.revenue() == null ? null : d.revenue().doubleValue()));
            }
            out.add(new OptimizeRequest.AdSet(
                    h.adSet().id(),
                    h.adSet().name(),
                    h.adSet().status(),
                    h.adSet().dailyBudget() == null
                            ? null
                            : h.adSet().dailyBudget().doubleValue(),
                    null,
                    daily,
                    null,
                    null));
        }
        return out;
    }
}
