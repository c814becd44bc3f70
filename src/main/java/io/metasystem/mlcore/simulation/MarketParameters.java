package io.metasystem.mlcore.simulation;

/**
 * The ranges from which {@link ScenarioGenerator} draws synthetic accounts. "Median/logSd" pairs are lognormal
 * (log-sd in natural-log units); "min/max" pairs are uniform unless noted. {@link #DEFAULT} is the calibrated
 * market documented in {@code docs/simulation.md}.
 *
 * @param minAdSets              fewest ad sets per account
 * @param maxAdSets              most ad sets per account
 * @param minTotalBudget         smallest daily account budget (log-uniform, currency per day)
 * @param maxTotalBudget         largest daily account budget (log-uniform)
 * @param cpmMedian              median CPM at low spend (currency per 1,000 impressions)
 * @param cpmLogSd               spread of CPM across ad sets
 * @param ctrMedian              median CTR of a fresh creative
 * @param ctrLogSd               spread of CTR across ad sets
 * @param cvrMedian              median conversions per click
 * @param cvrLogSd               spread of CVR across ad sets
 * @param orderValueMedian       median revenue per conversion
 * @param orderValueLogSd        spread of order values
 * @param saturationMinShare     smallest saturation spend a, as a multiple of the equal share total/n
 *                               (account-level "tightness", log-uniform between min and max)
 * @param saturationMaxShare     largest account-level saturation multiple
 * @param saturationLogSd        per-ad-set spread of a around the account level
 * @param minElasticity          smallest CPM elasticity γ
 * @param maxElasticity          largest CPM elasticity γ
 * @param minFatigueDays         fatigue scale in days of equal-share delivery, smallest
 * @param maxFatigueDays         fatigue scale, largest
 * @param minFatigueFloor        share of CTR that never fatigues, smallest
 * @param maxFatigueFloor        largest
 * @param minDelivery            smallest expected share of budget spent
 * @param maxDelivery            largest
 * @param minDispersion          smallest Gamma shape of the daily shock (CV = 1/√k)
 * @param maxDispersion          largest
 * @param maxSeasonAmplitude     largest weekly amplitude of CVR (CPM uses half)
 * @param lateStartProbability   probability that an ad set (beyond the first three) starts mid-flight
 * @param pauseProbability       probability that an ad set (beyond the first three) is paused by the advertiser
 * @param warmupDays             days of visible history before day 0
 * @param minBudgetProbability   probability that the account has a per-ad-set minimum
 * @param maxBudgetProbability   probability that the account has a per-ad-set maximum
 * @param changeCapProbability   probability that the account caps daily budget changes
 */
record MarketParameters(
        int minAdSets,
        int maxAdSets,
        double minTotalBudget,
        double maxTotalBudget,
        double cpmMedian,
        double cpmLogSd,
        double ctrMedian,
        double ctrLogSd,
        double cvrMedian,
        double cvrLogSd,
        double orderValueMedian,
        double orderValueLogSd,
        double saturationMinShare,
        double saturationMaxShare,
        double saturationLogSd,
        double minElasticity,
        double maxElasticity,
        double minFatigueDays,
        double maxFatigueDays,
        double minFatigueFloor,
        double maxFatigueFloor,
        double minDelivery,
        double maxDelivery,
        double minDispersion,
        double maxDispersion,
        double maxSeasonAmplitude,
        double lateStartProbability,
        double pauseProbability,
        int warmupDays,
        double minBudgetProbability,
        double maxBudgetProbability,
        double changeCapProbability) {

    /** The calibrated default market (see docs/simulation.md, "Calibration"). */
    public static final MarketParameters DEFAULT = new MarketParameters(
            4, 12, 50, 5000, // ad sets, total daily budget (log-uniform)
            8.0, 0.35, // CPM median, log-sd
            0.012, 0.50, // CTR
            0.04, 0.60, // CVR  -> CPA log-sd ≈ 0.86, median CPA ≈ 17
            15.0, 0.4, // order value
            0.5, 2.0, 1.1, // saturation: account level × equal share, per-ad-set log-sd
            0.15, 0.55, // CPM elasticity γ
            10, 60, 0.4, 0.8, // fatigue scale (days of equal-share delivery), CTR floor
            0.90, 1.0, // delivery
            4, 20, // Gamma shape of the daily shock (CV 22 %–50 %)
            0.15, 0.25, 0.10, // weekly amplitude, late start, advertiser pause
            3, // warm-up days
            0.3, 0.2, 0.25); // P(min per ad set), P(max per ad set), P(change cap)

    public MarketParameters {
        if (minAdSets < 2 || maxAdSets < minAdSets) {
            throw new IllegalArgumentException("need 2 <= minAdSets <= maxAdSets, was " + minAdSets + ".." + maxAdSets);
        }
        if (!(minTotalBudget > 0 && maxTotalBudget >= minTotalBudget)) {
            throw new IllegalArgumentException("need 0 < minTotalBudget <= maxTotalBudget");
        }
        if (!(minElasticity > 0 && maxElasticity < 1 && minElasticity <= maxElasticity)) {
            throw new IllegalArgumentException("need 0 < minElasticity <= maxElasticity < 1");
        }
        if (warmupDays < 0) {
            throw new IllegalArgumentException("warmupDays must be >= 0, was " + warmupDays);
        }
    }
}
