package io.metasystem.mlcore.alerts.detect;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Hand-made series for detector tests: deterministic counts with a small alternating wobble. */
final class Series {
    static final LocalDate START = LocalDate.of(2026, 9, 1);

    private Series() {}

    /**
     * A steady ad set: spend 40 ± 2 %, CPM 6, CTR 1.5 %, CVR 10 %, every count exactly its rate times the volume
     * with a ±3 % alternating wobble, so nothing in it is anomalous.
     */
    static List<DayRow> steady(int days) {
        return build(days, d -> new DayRow(START.plusDays(d), 40 * wobble(d, 0.02), null, null, null, null));
    }

    static List<DayRow> build(int days, IntFunction<DayRow> spendOnly) {
        List<DayRow> rows = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            DayRow base = spendOnly.apply(d);
            rows.add(complete(
                    base.date(),
                    base.spend(),
                    6.0 * wobble(d + 1, 0.03),
                    0.015 * wobble(d + 2, 0.03),
                    0.10 * wobble(d + 3, 0.03)));
        }
        return rows;
    }

    /** A day with the counts its spend and rates imply. */
    static DayRow complete(LocalDate date, double spend, double cpm, double ctr, double cvr) {
        double impressions = Math.round(1000 * spend / cpm);
        double clicks = Math.round(impressions * ctr);
        double conversions = Math.round(clicks * cvr);
        return new DayRow(date, spend, impressions, clicks, conversions, conversions * 4);
    }

    static double wobble(int d, double amount) {
        return 1 + amount * ((d * 7919 % 5) - 2) / 2.0;
    }

    static SeriesInput input(List<DayRow> rows) {
        return new SeriesInput("a1", "steady", true, 40.0, rows);
    }
}
