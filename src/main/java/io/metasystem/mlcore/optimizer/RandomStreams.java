package io.metasystem.mlcore.optimizer;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic random streams keyed by (seed, ad-set id, purpose), never by position, so that permuting the
 * ad sets of a problem changes nothing. The generator is SplitMix64 (Steele, Lea &amp; Flood 2014), fully
 * specified here so results do not depend on the JDK's {@code Random} implementations.
 */
final class RandomStreams {
    static final long PURPOSE_THOMPSON = 0x54534C4F54L;
    static final long PURPOSE_MONTE_CARLO = 0x4D4F4E5445L;

    private RandomStreams() {}

    /** 64-bit FNV-1a over the UTF-8 bytes of the id, mixed with seed and purpose through SplitMix64 finalisers. */
    static long streamSeed(long seed, String id, long purpose) {
        return streamSeed(seed, idHash(id), purpose);
    }

    /** Same as {@link #streamSeed(long, String, long)} with the id already hashed by {@link #idHash}. */
    static long streamSeed(long seed, long idHash, long purpose) {
        return mix(mix(seed ^ 0x9E3779B97F4A7C15L) ^ mix(idHash) ^ mix(purpose + 0x632BE59BD9B4E019L));
    }

    /** 64-bit FNV-1a over the UTF-8 bytes of the id (ASCII ids hashed without encoding them first). */
    static long idHash(String id) {
        long h = 0xcbf29ce484222325L;
        int len = id.length();
        for (int i = 0; i < len; i++) {
            char ch = id.charAt(i);
            if (ch >= 0x80) {
                return utf8Hash(id);
            }
            h ^= ch;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long utf8Hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return h;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A SplitMix64 generator; not thread-safe, cheap to create. */
    static final class Stream {
        private long state;

        Stream(long seed) {
            this.state = seed;
        }

        long nextLong() {
            state += 0x9E3779B97F4A7C15L;
            return mix(state);
        }

        /** Uniform in the open interval (0, 1). */
        double nextOpenUniform() {
            return ((nextLong() >>> 11) + 0.5) * 0x1.0p-53;
        }

        /** Standard normal by inversion of one uniform, hence monotone in that uniform. */
        double nextNormal() {
            return Distributions.normalQuantile(nextOpenUniform());
        }
    }
}
