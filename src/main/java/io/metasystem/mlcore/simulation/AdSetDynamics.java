package io.metasystem.mlcore.simulation;

import org.hipparchus.random.RandomDataGenerator;

/**
 * The parameters of a synthetic ad set beyond its rates, drawn from the ranges of {@link MarketParameters} in one
 * fixed order (order value, saturation, elasticity, fatigue, fatigue floor, delivery, dispersion), shared by
 * {@link ScenarioGenerator} and {@link ColdStartScenarioGenerator} so both consume their random streams alike.
 */
record AdSetDynamics(
        double aov,
        double saturation,
        double gamma,
        double fatigueImpressions,
        double fatigueFloor,
        double delivery,
        double dispersion) {

    /**
     * @param equalShare the account's total budget / its number of ad sets (currency per day)
     * @param tightness  the account's saturation level relative to the equal share
     * @param cpm        the ad set's CPM (its daily impressions at the equal share scale the fatigue)
     */
    static AdSetDynamics draw(
            RandomDataGenerator rng, MarketParameters p, double equalShare, double tightness, double cpm) {
        double aov = p.orderValueMedian() * Math.exp(p.orderValueLogSd() * rng.nextGaussian());
        double saturation = equalShare * tightness * Math.exp(p.saturationLogSd() * rng.nextGaussian());
        double gamma = rng.nextUniform(p.minElasticity(), p.maxElasticity());
        double dailyImpressions = 1000 * equalShare / cpm;
        double fatigue = dailyImpressions * rng.nextUniform(p.minFatigueDays(), p.maxFatigueDays());
        double floor = rng.nextUniform(p.minFatigueFloor(), p.maxFatigueFloor());
        double delivery = rng.nextUniform(p.minDelivery(), p.maxDelivery());
        double dispersion = rng.nextUniform(p.minDispersion(), p.maxDispersion());
        return new AdSetDynamics(aov, saturation, gamma, fatigue, floor, delivery, dispersion);
    }

    /** The ad set's truth with these dynamics. */
    AdSetTruth truth(String id, String name, double cpm, double ctr, double cvr, int startDay, int pauseDay) {
        return new AdSetTruth(
                id,
                name,
                cpm,
                ctr,
                cvr,
                aov,
                saturation,
                gamma,
                fatigueImpressions,
                fatigueFloor,
                delivery,
                dispersion,
                startDay,
                pauseDay);
    }
}
