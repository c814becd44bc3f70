package io.metasystem.mlcore.api;

import java.util.ArrayList;
import java.util.List;
import io.metasystem.mlcore.optimizer.AdSetInput;
import io.metasystem.mlcore.optimizer.AdSetStatus;
import io.metasystem.mlcore.optimizer.DailyMetrics;
import io.metasystem.mlcore.store.AdSetHistory;
import io.metasystem.mlcore.store.DailyInsight;

/** Stored ad sets and their days as the optimizer's inputs: current budget = stored daily budget. */
final class StoredAdSets {
    private StoredAdSets() {
    }

    static List<AdSetInput> toInputs(List<AdSetHistory> histories) {
        List<AdSetInput> out = new ArrayList<>();
        for (AdSetHistory h : histories) {
            List<DailyMetrics> daily = new ArrayList<>();
            for (DailyInsight d : h.days()) {
                daily.add(new DailyMetrics(d.date(), d.spend().doubleValue(),
                        d.impressions() == null ? null : d.impressions().doubleValue(),
                        d.clicks() == null ? null : d.clicks().doubleValue(),
                        d.conversions() == null ? 0.0 : d.conversions().doubleValue(),
                        d.revenue() == null ? null : d.revenue().doubleValue()));
            }
            out.add(new AdSetInput(h.adSet().id(), h.adSet().name(), AdSetStatus.valueOf(h.adSet().status()),
                    h.adSet().dailyBudget() == null ? null : h.adSet().dailyBudget().doubleValue(), null, daily, null));
        }
        return out;
    }
}
