package io.metasystem.mlcore.simulation;

import org.hipparchus.random.RandomDataGenerator;

/**
 * The synthetic market of one {@link MarketScenario}: true expected curves and noisy daily draws. Stateless
 * and thread-safe; the caller carries the fatigue state (cumulative impressions per ad set).
 *
 * <p>Noise uses common random numbers: the shocks of ad set i on day t depend only on (scenario seed, t, i),
 * so two policies that give an ad set similar budgets see similar luck.
 */
public final class AdMarket {
    /** Log-sd of the daily under-delivery noise. */
    static final double SPEND_NOISE = 0.04;
    /** Log-sd of the daily impression (auction) noise. */
    static final double IMPRESSION_NOISE = 0.08;
    /** Log-sd of the order value per conversion around its mean, for one conversion. */
    static final double ORDER_VALUE_NOISE = 0.5;

    private final MarketScenario scenario;

    public AdMarket(MarketScenario scenario) {
        this.scenario = scenario;
    }

    public MarketScenario scenario() {
        return scenario;
    }

    /**
     * The true expected curve of ad set {@code i} on {@code day}, given the impressions it has served so far.
     */
    public ResponseCurve curve(int i, int day, double cumulativeImpressions) {
        AdSetTruth a = scenario.adSets().get(i);
        double ctr = a.ctr0() * scenario.shockCtr(i, day) * a.fatigue(cumulativeImpressions);
        double cpm = a.cpm0() * scenario.seasonCpm(day) * scenario.shockCpm(i, day);
        double k = 1000.0 * ctr * a.cvr() * scenario.seasonCvr(day) / cpm;
        return new ResponseCurve(k, a.delivery(), a.saturationSpend(), a.cpmElasticity(), a.orderValue());
    }

    /**
     * Draws one day of delivery of ad set {@code i} at {@code budget}: under-delivered spend, lognormal auction
     * noise on impressions, Gamma-Poisson clicks and conversions (shared Gamma shock with shape
     * {@link AdSetTruth#dispersion()}), lognormal order values.
     */
    public DayOutcome draw(int i, int day, double budget, double cumulativeImpressions) {
        if (!(budget > 0)) {
            return DayOutcome.NONE;
        }
        AdSetTruth a = scenario.adSets().get(i);
        RandomDataGenerator rng = Seeds.rng(Seeds.mix(scenario.seed(), day + 1_000_003L, i));
        double spend = budget * Math.min(1.0, a.delivery() * Math.exp(SPEND_NOISE * rng.nextGaussian()));
        double cpm = a.cpm0()
                * scenario.seasonCpm(day)
                * scenario.shockCpm(i, day)
                * Math.pow(1 + spend / a.saturationSpend(), a.cpmElasticity());
        double impressions = Math.floor(1000.0
                * spend
                / cpm
                * Math.exp(IMPRESSION_NOISE * rng.nextGaussian() - IMPRESSION_NOISE * IMPRESSION_NOISE / 2));
        double k = a.dispersion();
        double ctrShock = rng.nextGamma(k, 1.0 / k);
        double cvrShock = rng.nextGamma(k, 1.0 / k);
        double ctr = Math.min(1, a.ctr0() * scenario.shockCtr(i, day) * a.fatigue(cumulativeImpressions) * ctrShock);
        double clicks = poisson(rng, impressions * ctr);
        double cvr = Math.min(1, a.cvr() * scenario.seasonCvr(day) * cvrShock);
        double conversions = poisson(rng, clicks * cvr);
        double revenue = 0;
        if (conversions > 0) {
            double sd = ORDER_VALUE_NOISE / Math.sqrt(conversions);
            revenue = conversions * a.orderValue() * Math.exp(sd * rng.nextGaussian() - sd * sd / 2);
        }
        return new DayOutcome(round2(spend), impressions, clicks, conversions, round2(revenue));
    }

    /**
     * Fatigue exposure added by a day that served {@code impressions} (the impressions themselves in the default
     * market; more than that at high frequency in the harder market).
     */
    public double exposure(int i, double impressions) {
        return scenario.shocks().of(i).exposure(impressions);
    }

    /** True on the day ad set {@code i} gets a new creative: the caller resets its fatigue state to 0. */
    public boolean freshCreative(int i, int day) {
        return scenario.shocks().freshCreative(i, day);
    }

    /**
     * A Poisson count with that mean drawn from {@code rng}: 0 for a mean that is not positive (or NaN), a rounded
     * normal approximation above 10⁶ (where Hipparchus' sampler gets slow), else Hipparchus' exact sampler.
     */
    public static double poisson(RandomDataGenerator rng, double mean) {
        if (!(mean > 0)) {
            return 0;
        }
        if (mean > 1e6) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.nextGaussian()));
        }
        return rng.nextPoisson(mean);
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
