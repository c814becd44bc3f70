package io.metasystem.mlcore.simulation;

import java.time.DayOfWeek;

/**
 * The hidden events of one ad set in the harder market ({@link MarketFamily#HARD}); {@link #NONE} in the default
 * market. Days are 0-based scored days; {@link Integer#MAX_VALUE} means "never".
 *
 * @param cpmJumpFactor        multiplier of this ad set's CPM from the account's {@link MarketShocks#cpmJumpDay()}
 *                             on (a competitor enters its auction), &ge; 1; 1 when it is not hit
 * @param deathDay             first day its creative dies (CTR collapses), {@link Integer#MAX_VALUE} when never
 * @param deathCtrFactor       multiplier of CTR while the dead creative runs, in (0, 1]
 * @param replaceDay           first day a new creative replaces the old one (fatigue starts afresh, the dead
 *                             creative's collapse ends), {@link Integer#MAX_VALUE} when never
 * @param replaceCtrFactor     CTR of the new creative relative to the original creative, &gt; 0
 * @param frequencyImpressions daily impressions at which fatigue accrues one-for-one; above it fatigue accrues faster
 *                             (frequency), below slower: exposure = impressions · √(impressions / this);
 *                             {@code +∞} for the default market's impression-count fatigue
 * @param weekdayAmplitude     relative amplitude of this ad set's own weekly CPM cycle (competition), in [0, 1)
 * @param weekdayPeak          day of week on which its competition peaks
 */
public record AdSetShocks(
        double cpmJumpFactor,
        int deathDay,
        double deathCtrFactor,
        int replaceDay,
        double replaceCtrFactor,
        double frequencyImpressions,
        double weekdayAmplitude,
        DayOfWeek weekdayPeak) {
    /** No events: the default market. */
    public static final AdSetShocks NONE = new AdSetShocks(
            1, Integer.MAX_VALUE, 1, Integer.MAX_VALUE, 1, Double.POSITIVE_INFINITY, 0, DayOfWeek.MONDAY);

    public AdSetShocks {
        if (!(cpmJumpFactor >= 1) || !(deathCtrFactor > 0 && deathCtrFactor <= 1) || !(replaceCtrFactor > 0)) {
            throw new IllegalArgumentException(
                    "need cpmJumpFactor >= 1, deathCtrFactor in (0, 1], replaceCtrFactor > 0");
        }
        if (!(frequencyImpressions > 0) || !(weekdayAmplitude >= 0 && weekdayAmplitude < 1)) {
            throw new IllegalArgumentException("need frequencyImpressions > 0 and weekdayAmplitude in [0, 1)");
        }
    }

    /** Multiplier of CTR on {@code day} from a dead or replaced creative (fatigue not included). */
    public double ctrFactor(int day) {
        if (day >= replaceDay) {
            return replaceCtrFactor;
        }
        return day >= deathDay ? deathCtrFactor : 1;
    }

    /** Fatigue exposure of one day that served {@code impressions}. */
    public double exposure(double impressions) {
        if (Double.isInfinite(frequencyImpressions) || !(impressions > 0)) {
            return impressions;
        }
        return impressions * Math.sqrt(impressions / frequencyImpressions);
    }

    /** Multiplier of this ad set's CPM on {@code dayOfWeek} from its weekly competition. */
    public double weekdayCpm(DayOfWeek dayOfWeek) {
        int offset = Math.floorMod(dayOfWeek.getValue() - weekdayPeak.getValue(), 7);
        return 1 + weekdayAmplitude * Math.cos(2 * Math.PI * offset / 7.0);
    }
}
