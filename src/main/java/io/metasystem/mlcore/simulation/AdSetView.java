package io.metasystem.mlcore.simulation;

import io.metasystem.mlcore.optimizer.AdSetStatus;
import io.metasystem.mlcore.optimizer.DailyMetrics;

import java.util.List;

/**
 * What a policy sees of one ad set: no hidden parameters, only the reported history.
 *
 * @param id            ad-set id
 * @param name          display name
 * @param status        ACTIVE (may be funded today) or PAUSED (by the advertiser or earlier by the policy; must get 0)
 * @param currentBudget yesterday's budget, currency per day; null when the ad set is new today or was paused
 * @param daily         every day observed so far, oldest first (warm-up days included)
 */
public record AdSetView(String id, String name, AdSetStatus status, Double currentBudget, List<DailyMetrics> daily) {
    public AdSetView {
        daily = List.copyOf(daily);
    }

    public boolean active() {
        return status == AdSetStatus.ACTIVE;
    }

    /** Total spend over the last {@code days} rows (all rows when days &le; 0). */
    public double spend(int days) {
        double s = 0;
        for (DailyMetrics m : tail(days)) {
            s += m.spend();
        }
        return s;
    }

    /** Total conversions over the last {@code days} rows (all rows when days &le; 0). */
    public double conversions(int days) {
        double s = 0;
        for (DailyMetrics m : tail(days)) {
            s += m.conversions();
        }
        return s;
    }

    private List<DailyMetrics> tail(int days) {
        return days <= 0 || days >= daily.size() ? daily : daily.subList(daily.size() - days, daily.size());
    }
}
