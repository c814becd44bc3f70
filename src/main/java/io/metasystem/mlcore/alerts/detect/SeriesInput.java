package io.metasystem.mlcore.alerts.detect;

import java.util.List;
import java.util.Objects;

/**
 * The daily history of one ad set.
 *
 * @param adsetId     ad-set id (required)
 * @param name        nullable
 * @param active      false for a paused ad set (no delivery-stop or pacing anomalies then)
 * @param dailyBudget current daily budget in account currency, nullable: unknown (no pacing check)
 * @param days        strictly increasing dates, gaps allowed
 */
public record SeriesInput(String adsetId, String name, boolean active, Double dailyBudget, List<DayRow> days) {
    /** @throws IllegalArgumentException when the id is missing or the dates are not strictly increasing */
    public SeriesInput {
        Objects.requireNonNull(adsetId, "adsetId");
        days = List.copyOf(days);
        for (int i = 1; i < days.size(); i++) {
            if (!days.get(i).date().isAfter(days.get(i - 1).date())) {
                throw new IllegalArgumentException(
                        "days[" + i + "].date " + days.get(i).date() + " must come after "
                                + days.get(i - 1).date());
            }
        }
        if (dailyBudget != null && (!Double.isFinite(dailyBudget) || dailyBudget < 0)) {
            throw new IllegalArgumentException("dailyBudget must be a finite number >= 0, was " + dailyBudget);
        }
    }
}
