package io.metasystem.mlcore.simulation;

import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well512a;

/** Seed derivation (SplitMix64 finaliser) so every random stream is a pure function of its coordinates. */
public final class Seeds {
    private Seeds() {}

    /** Mixes two 64-bit values into a well-spread seed. */
    public static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Mixes three values. */
    public static long mix(long a, long b, long c) {
        return mix(mix(a, b), c);
    }

    /** A cheap-to-seed generator with Gamma/Poisson/LogNormal samplers. */
    public static RandomDataGenerator rng(long seed) {
        return RandomDataGenerator.of(new Well512a(seed));
    }
}
