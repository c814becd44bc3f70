package io.metasystem.mlcore.api;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Bucket4j token bucket per API key: {@code perMinute} requests at once, refilled greedily at {@code perMinute}
 * per minute, so a key that waits gets its tokens back gradually. Keys are identified by their hash
 * ({@code ApiKeyHolder.Identity#hash}), never by the key, and only configured keys reach here, so the map holds at
 * most as many buckets as there are configured keys.
 */
final class KeyRateLimiter {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long perMinute;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param perMinute requests per minute per key, at least 1
     * @param time      Bucket4j's clock ({@link TimeMeter#SYSTEM_NANOTIME} in the service, a fake in tests)
     */
    KeyRateLimiter(long perMinute, TimeMeter time) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be at least 1, got " + perMinute);
        }
        this.perMinute = perMinute;
        this.time = time;
    }

    /**
     * Takes one request from the bucket of {@code keyHash}.
     *
     * @return 0 when the request may proceed, else the whole seconds (at least 1) until the next one may
     */
    long tryAcquire(String keyHash) {
        ConsumptionProbe probe =
                buckets.computeIfAbsent(keyHash, k -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, wholeSeconds(probe.getNanosToWaitForRefill()));
    }

    /** A wait in nanoseconds as the whole seconds of a {@code Retry-After}: 0 for none, else rounded up, at least 1. */
    static long wholeSeconds(long nanos) {
        return nanos <= 0 ? 0 : Math.max(1, (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
    }

    /** A bucket of {@code perMinute} tokens at once, refilled greedily at {@code perMinute} per minute. */
    static Bucket perMinuteBucket(long perMinute, TimeMeter time) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perMinute)
                        .refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .withCustomTimePrecision(time)
                .build();
    }

    private Bucket newBucket() {
        return perMinuteBucket(perMinute, time);
    }
}
