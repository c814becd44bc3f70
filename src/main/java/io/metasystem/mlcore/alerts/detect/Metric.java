package io.metasystem.mlcore.alerts.detect;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A daily series the detectors watch; {@link #wireName()} is its snake_case name in the API. */
public enum Metric {
    /** Account currency per day (robust z on log spend; delivery stop and pacing use it too). */
    SPEND("spend", true),
    /** Impressions per day (robust z on log(1 + impressions)). */
    IMPRESSIONS("impressions", false),
    /** Clicks per day (robust z on log(1 + clicks)). */
    CLICKS("clicks", false),
    /** Conversions per day given the day's spend (Gamma–Poisson predictive). */
    CONVERSIONS("conversions", true),
    /** Revenue per day (robust z on log(1 + revenue)). */
    REVENUE("revenue", false),
    /** Cost per 1,000 impressions (robust z on log CPM). */
    CPM("cpm", true),
    /** Clicks per impression (Beta–Binomial predictive). */
    CTR("ctr", true),
    /** Conversions per click (Beta–Binomial predictive). */
    CVR("cvr", true),
    /** Spend per conversion (robust z on log CPA, days with conversions only). */
    CPA("cpa", false),
    /** Revenue per unit of spend (robust z on log ROAS, days with revenue only). */
    ROAS("roas", false);

    private final String wireName;
    private final boolean byDefault;

    Metric(String wireName, boolean byDefault) {
        this.wireName = wireName;
        this.byDefault = byDefault;
    }

    /** Name in requests and answers, e.g. {@code ctr}. */
    public String wireName() {
        return wireName;
    }

    /** Upper-case label for sentences, e.g. {@code CTR}; {@code spend} stays lower case. */
    String label() {
        return switch (this) {
            case CPM, CTR, CVR, CPA, ROAS -> name();
            default -> wireName;
        };
    }

    /** The metrics checked when a request names none: spend, conversions, CPM, CTR, CVR. */
    public static Set<Metric> defaults() {
        EnumSet<Metric> out = EnumSet.noneOf(Metric.class);
        for (Metric m : values()) {
            if (m.byDefault) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * @return the metric of that wire name (case-insensitive)
     * @throws IllegalArgumentException when no metric has that name
     */
    public static Metric fromWire(String name) {
        for (Metric m : values()) {
            if (m.wireName.equals(name.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + name + "'");
    }
}
