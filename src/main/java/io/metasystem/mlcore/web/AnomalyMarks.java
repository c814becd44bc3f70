package io.metasystem.mlcore.web;

import io.metasystem.mlcore.alerts.detect.AccountTotal;
import io.metasystem.mlcore.alerts.detect.Anomaly;
import io.metasystem.mlcore.alerts.detect.Metric;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Anomaly markers of a daily chart: each stored anomaly of the shown days becomes a mark on the series its metric
 * belongs to (spend and delivery on the spend bars, the funnel on the conversions line, CPA and ROAS on theirs), with
 * the anomaly's reason as tooltip. An anomaly on the plotted metric itself also carries its expected value and
 * interval on the series' scale: the account total's as detected; an ad set's (spend and conversions add up) as the
 * account's day with that ad set at its expected value instead of its observed one (others' figures + expected).
 */
final class AnomalyMarks {
    static final Set<Metric> SPEND_SERIES = Set.of(Metric.SPEND, Metric.IMPRESSIONS, Metric.CPM);
    static final Set<Metric> CONVERSIONS_SERIES =
            Set.of(Metric.CONVERSIONS, Metric.CLICKS, Metric.CTR, Metric.CVR, Metric.REVENUE);

    /** Metrics whose ad-set figures sum to the account's. */
    private static final Set<Metric> ADDITIVE = Set.of(Metric.SPEND, Metric.CONVERSIONS);

    private AnomalyMarks() {}

    /**
     * The marks of one series.
     *
     * @param plotted the metric the series plots (its band is shown), the others of {@code shown} are marked only
     * @param names   ad-set id to name, for the tooltip
     * @param values  the series' value per day (the account's), null where unknown
     */
    static List<Map<String, Object>> of(
            List<Anomaly> anomalies,
            List<LocalDate> days,
            List<? extends Number> values,
            Metric plotted,
            Set<Metric> shown,
            Map<String, String> names) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Anomaly a : anomalies) {
            int index = days.indexOf(a.date());
            if (index < 0 || !(a.metric() == plotted || shown.contains(a.metric()))) {
                continue;
            }
            boolean total = AccountTotal.SERIES_ID.equals(a.adsetId());
            Map<String, Object> mark = new LinkedHashMap<>();
            mark.put("index", index);
            mark.put("metric", a.metric().wireName());
            mark.put("kind", a.kind().name().toLowerCase(Locale.ROOT));
            mark.put("adset_id", a.adsetId());
            mark.put("adset", total ? null : names.getOrDefault(a.adsetId(), a.adsetId()));
            mark.put("reason", a.reason());
            Number day = values.get(index);
            boolean onScale = total || day != null && ADDITIVE.contains(plotted);
            if (a.metric() == plotted && onScale && finite(a.expected(), a.lo(), a.hi())) {
                double shift = total ? 0 : day.doubleValue() - a.observed();
                mark.put("expected", round(shift + a.expected()));
                mark.put("lo", round(shift + a.lo()));
                mark.put("hi", round(shift + a.hi()));
            }
            out.add(mark);
        }
        return out;
    }

    private static boolean finite(double... values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
