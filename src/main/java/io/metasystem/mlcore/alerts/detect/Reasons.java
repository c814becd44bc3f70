package io.metasystem.mlcore.alerts.detect;

import java.time.LocalDate;
import java.util.Locale;

/** The sentences of anomalies: the numbers first, then the likely cause a marketer can check. */
final class Reasons {
    private static final String TRACKING_BROKEN = "conversions fell while clicks held: likely broken tracking "
            + "(pixel or Conversions API) or a broken landing page";
    private static final String CONVERSION_COLLAPSE =
            "one-day conversion collapse; check the pixel, the Conversions API and the landing page";
    private static final String FEWER_CONVERSIONS =
            "fewer conversions than the spend predicts since then; check tracking, the landing page and the audience";
    private static final String FAR_FEWER_CONVERSIONS = "far fewer conversions than the spend predicts; check the "
            + "pixel, the Conversions API and the landing page";
    private static final String CPM_REGIME = "CPM regime change: the auction got more expensive (competition, "
            + "audience saturation or a targeting change)";

    private Reasons() {}

    static String format(Metric metric, double value) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        return switch (metric) {
            case CTR, CVR -> String.format(Locale.ROOT, "%.2f %%", 100 * value);
            case SPEND, CPM, CPA, REVENUE -> String.format(Locale.ROOT, "%.2f", value);
            case ROAS -> String.format(Locale.ROOT, "%.2f", value);
            case IMPRESSIONS, CLICKS, CONVERSIONS -> String.format(Locale.ROOT, "%.1f", value);
        };
    }

    private static String bare(Metric metric, double value) {
        String s = format(metric, value);
        return s.endsWith(" %") ? s.substring(0, s.length() - 2) : s;
    }

    /** "CTR 0.41 % vs expected 1.05 % (90 % 0.88–1.22 %) since 2026-10-12: likely …". */
    static String deviation(
            Metric metric,
            AnomalyKind kind,
            Direction direction,
            LocalDate date,
            double observed,
            double expected,
            double lo,
            double hi,
            double level,
            boolean clicksHeld) {
        String range = metric == Metric.CTR || metric == Metric.CVR
                ? bare(metric, lo) + "–" + format(metric, hi)
                : format(metric, lo) + "–" + format(metric, hi);
        String when = kind == AnomalyKind.LEVEL_SHIFT ? "since " + date : "on " + date;
        return String.format(
                Locale.ROOT,
                "%s %s vs expected %s (%d %% %s) %s: %s",
                metric.label(),
                format(metric, observed),
                format(metric, expected),
                Math.round(level * 100),
                range,
                when,
                cause(metric, kind, direction, clicksHeld));
    }

    static String cause(Metric metric, AnomalyKind kind, Direction direction, boolean clicksHeld) {
        boolean shift = kind == AnomalyKind.LEVEL_SHIFT;
        boolean down = direction == Direction.DOWN;
        return switch (metric) {
            case CTR ->
                down
                        ? (shift
                                ? "likely creative fatigue or a broken creative"
                                : "one-day click-through drop; check the creative and its placements")
                        : "more clicks per impression than usual; check for accidental or invalid clicks";
            case CVR ->
                down
                        ? (shift
                                ? (clicksHeld ? TRACKING_BROKEN : "likely a landing-page or offer problem")
                                : CONVERSION_COLLAPSE)
                        : "more conversions per click than usual; check for duplicated conversion events";
            case CONVERSIONS ->
                down
                        ? (shift ? FEWER_CONVERSIONS : FAR_FEWER_CONVERSIONS)
                        : "more conversions than usual for the spend; check for duplicated conversion events";
            case CPM ->
                down
                        ? "cheaper impressions than usual; check the placement mix and audience quality"
                        : (shift ? CPM_REGIME : "one-day CPM jump; auction pressure or a placement change");
            case SPEND ->
                down
                        ? "spend far below its usual level; check the budget, bid cap and audience size"
                        : "spend far above its usual level; check budget changes and Meta's daily overspend";
            case CPA ->
                down ? "cheaper conversions than usual" : "conversions got more expensive; check CPM, CTR and CVR";
            case ROAS ->
                down
                        ? "less revenue per unit of spend; check tracking of purchase values and the offer"
                        : "more revenue per unit of spend than usual; check for duplicated purchase events";
            case IMPRESSIONS, CLICKS, REVENUE ->
                (down ? "far below" : "far above") + " its usual level; check the ad set in Ads Manager";
        };
    }

    static String deliveryStop(LocalDate date, double spend, double usual) {
        return String.format(
                Locale.ROOT,
                "spend %.2f vs a usual %.2f per day since %s on an active ad set: delivery "
                        + "stopped; check for rejected ads, the payment method, the schedule or an exhausted audience",
                spend,
                usual,
                date);
    }

    static String pacing(LocalDate date, Direction direction, double spend, double budget, boolean days2) {
        return direction == Direction.UP
                ? String.format(
                        Locale.ROOT,
                        "spend %.2f vs daily budget %.2f (%.1f×) on %s: beyond Meta's allowed 75 %% "
                                + "daily overspend; check budget changes and campaign budget optimisation",
                        spend,
                        budget,
                        spend / budget,
                        date)
                : String.format(
                        Locale.ROOT,
                        "spend %.2f vs daily budget %.2f (%.0f %%) since %s%s: under-delivery; "
                                + "check the bid cap, the audience size and ad approval",
                        spend,
                        budget,
                        100 * spend / budget,
                        date,
                        days2 ? " (two days running)" : "");
    }
}
