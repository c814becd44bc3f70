package io.metasystem.mlcore.reporting.model;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class DistributedLagTest {
    @Test
    void recoversAKnownEffectAndDecayOnSimulatedArtists() {
        int covered = 0;
        int artists = 30;
        for (int i = 0; i < artists; i++) {
            ArtistSimulator.Simulated s = ArtistSimulator.simulate(900_000 + i, 180, false);
            LagResult fit = DistributedLag.fit(s.input());
            covered += fit.incrementalPerUnitSpend().covers(s.trueBeta()) ? 1 : 0;
            assertThat(Math.abs(fit.incrementalPerUnitSpend().mean() - s.trueBeta()) / s.trueBeta())
                    .as("artist %d", i)
                    .isLessThan(0.5);
            assertThat(fit.shareFromAds().mean()).isBetween(0.0, 1.0);
        }
        // 90 % intervals: with 30 artists at least 22 should cover (binomial 5 % tail is about 24)
        assertThat(covered).isGreaterThanOrEqualTo(22);
    }

    @Test
    void aNoEffectArtistsIntervalReachesZeroAndHasNoCost() {
        int reaches = 0;
        for (int i = 0; i < 20; i++) {
            LagResult fit = DistributedLag.fit(
                    ArtistSimulator.simulate(800_000 + i, 180, true).input());
            reaches += fit.incrementalPerUnitSpend().covers(0) ? 1 : 0;
            if (fit.incrementalPerUnitSpend().covers(0)) {
                assertThat(fit.costPerIncremental()).isNull();
            }
        }
        assertThat(reaches).isGreaterThanOrEqualTo(15);
    }

    @Test
    void constantSpendAndTooFewDaysAreWarnedAbout() {
        int n = 20;
        double[] y = new double[n];
        double[] spend = new double[n];
        int[] dow = new int[n];
        for (int t = 0; t < n; t++) {
            y[t] = 1000 + t;
            spend[t] = 50;
            dow[t] = t % 7;
        }
        LagResult fit = DistributedLag.fit(new LagInput(y, spend, dow, new int[0], 1));
        assertThat(fit.incrementalPerUnitSpend()).isNull();
        assertThat(fit.warnings()).anyMatch(w -> w.contains("never varied"));
        assertThat(fit.warnings()).anyMatch(w -> w.contains("observed days"));
    }

    @Test
    void anEventAtTheStartOfAFlightIsWarnedAbout() {
        ArtistSimulator.Simulated s = ArtistSimulator.simulate(4, 120, false);
        double[] spend = s.input().spend().clone();
        Arrays.fill(spend, 0, 60, 0);
        Arrays.fill(spend, 60, 120, 100);
        LagInput input = new LagInput(s.input().metric(), spend, s.input().dayOfWeek(), new int[] {60}, 1);
        assertThat(DistributedLag.fit(input).warnings()).anyMatch(w -> w.contains("coincides with a change of spend"));
    }

    @Test
    void theSameSeedGivesTheSamePosterior() {
        LagInput input = ArtistSimulator.simulate(77, 120, false).input();
        assertThat(DistributedLag.fit(input).incrementalPerUnitSpend())
                .isEqualTo(DistributedLag.fit(input).incrementalPerUnitSpend());
    }
}
