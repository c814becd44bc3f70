package io.metasystem.mlcore.simulation;

/**
 * The hidden, true parameters of one synthetic ad set. Money in the account currency; rates per impression
 * or per click; budgets per day.
 *
 * <p>Expected delivery on a day with budget {@code b} (currency per day):
 * <pre>
 *   spend s      = delivery · b                                  (under-delivery, delivery in (0, 1])
 *   CPM(s)       = cpm0 · season_cpm(dow) · (1 + s / saturationSpend)^cpmElasticity
 *   impressions  = 1000 · s / CPM(s)
 *   CTR          = ctr0 · (fatigueFloor + (1 − fatigueFloor) · exp(−cumulativeImpressions / fatigueImpressions))
 *   conversions  = impressions · CTR · cvr · season_cvr(dow)
 *   revenue      = conversions · orderValue
 * </pre>
 * so expected conversions are {@code K · s · (1 + s/a)^(−γ)}, increasing and strictly concave for γ in (0, 1).
 *
 * @param id                 ad-set id, unique in the scenario
 * @param name               display name
 * @param cpm0               cost per 1,000 impressions at vanishing spend (currency), &gt; 0
 * @param ctr0               click-through rate of a fresh creative, in (0, 1)
 * @param cvr                conversions per click, in (0, 1)
 * @param orderValue         mean revenue per conversion (currency), &gt; 0
 * @param saturationSpend    spend a at which CPM has risen by 2^γ (currency per day), &gt; 0
 * @param cpmElasticity      γ in (0, 1): how fast CPM rises with spend (diminishing returns)
 * @param fatigueImpressions impressions scale of creative fatigue (CTR loses 63 % of its decaying part after this many)
 * @param fatigueFloor       share of CTR that never decays, in (0, 1]
 * @param delivery           expected share of the budget actually spent, in (0, 1]
 * @param dispersion         Gamma shape k of the day-to-day multiplicative shock on CTR and CVR (CV = 1/√k)
 * @param startDay           first day (0-based, scored days) the ad set exists; may be negative (warm-up days)
 * @param pauseDay           first day the advertiser pauses it, {@link Integer#MAX_VALUE} when never
 */
public record AdSetTruth(
        String id,
        String name,
        double cpm0,
        double ctr0,
        double cvr,
        double orderValue,
        double saturationSpend,
        double cpmElasticity,
        double fatigueImpressions,
        double fatigueFloor,
        double delivery,
        double dispersion,
        int startDay,
        int pauseDay) {
    public AdSetTruth {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id is required");
        }
        positive("cpm0", cpm0);
        positive("orderValue", orderValue);
        positive("saturationSpend", saturationSpend);
        positive("fatigueImpressions", fatigueImpressions);
        positive("dispersion", dispersion);
        unit("ctr0", ctr0);
        unit("cvr", cvr);
        unit("fatigueFloor", fatigueFloor);
        unit("delivery", delivery);
        if (!(cpmElasticity > 0 && cpmElasticity < 1)) {
            throw new IllegalArgumentException("cpmElasticity must be in (0, 1), was " + cpmElasticity);
        }
        if (pauseDay <= startDay) {
            throw new IllegalArgumentException("pauseDay " + pauseDay + " must come after startDay " + startDay);
        }
    }

    /** True when the ad set exists and is not paused by the advertiser on {@code day}. */
    public boolean liveOn(int day) {
        return day >= startDay && day < pauseDay;
    }

    /** Fatigue multiplier of CTR after {@code cumulativeImpressions}, in (fatigueFloor, 1]. */
    public double fatigue(double cumulativeImpressions) {
        return fatigueFloor + (1 - fatigueFloor) * Math.exp(-cumulativeImpressions / fatigueImpressions);
    }

    private static void positive(String field, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(field + " must be > 0, was " + v);
        }
    }

    private static void unit(String field, double v) {
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException(field + " must be in (0, 1], was " + v);
        }
    }
}
