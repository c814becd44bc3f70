package io.metasystem.mlcore.api;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Throttles wrong API keys per client address, so a key cannot be guessed by brute force: one Bucket4j token bucket
 * per address, taken from only by failed authentications ({@code perMinute} at once, refilled greedily at
 * {@code perMinute} per minute). While an address's bucket is empty, every {@code /api/**} request from it is refused
 * with 429 <em>before</em> its key is checked: a guess made then learns nothing, not even that it was right. Right
 * keys never take from the bucket, so a client that only ever sends its right key is never throttled, and once the
 * wait is over (one token back) the right key works again from that address.
 *
 * <p>At most {@code maxAddresses} buckets are kept (least recently used evicted), so a flood of addresses cannot
 * exhaust memory; an evicted address starts again with a full bucket.
 */
final class FailedKeyThrottle {
    private final long perMinute;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets;

    /**
     * @param perMinute    wrong keys per minute per address, at least 1
     * @param maxAddresses most addresses tracked at once, at least 1
     * @param time         Bucket4j's clock ({@link TimeMeter#SYSTEM_NANOTIME} in the service, a fake in tests)
     */
    FailedKeyThrottle(long perMinute, int maxAddresses, TimeMeter time) {
        if (perMinute < 1 || maxAddresses < 1) {
            throw new IllegalArgumentException(
                    "perMinute and maxAddresses must be at least 1, got " + perMinute + " and " + maxAddresses);
        }
        this.perMinute = perMinute;
        this.time = time;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxAddresses;
            }
        };
    }

    /**
     * Whether {@code address} may have a key checked now.
     *
     * @return 0 when it may, else the whole seconds (at least 1) until it may again
     */
    long blockedFor(String address) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.get(address);
        }
        if (bucket == null) {
            return 0;
        }
        return seconds(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    /**
     * Records a failed authentication from {@code address}.
     *
     * @return 0 while the address is within its limit (answer 401), else the whole seconds until it may try again
     */
    long failed(String address) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(address, a -> newBucket());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill());
    }

    /** Addresses tracked now (at most {@code maxAddresses}). */
    int tracked() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    private static long seconds(long nanos) {
        return KeyRateLimiter.wholeSeconds(nanos);
    }

    private Bucket newBucket() {
        return KeyRateLimiter.perMinuteBucket(perMinute, time);
    }
}
