package io.metasystem.mlcore.api;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailedKeyThrottleTest {
    /** A clock the test moves by hand. */
    private static final class FakeTime implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advanceSeconds(double seconds) {
            nanos += (long) (seconds * TimeUnit.SECONDS.toNanos(1));
        }
    }

    @Test
    void anAddressGetsItsLimitOfFailuresThenIsBlockedUntilOneTokenIsBack() {
        FakeTime time = new FakeTime();
        FailedKeyThrottle throttle = new FailedKeyThrottle(30, 100, time);
        assertThat(throttle.blockedFor("10.0.0.1")).as("no failure yet").isZero();
        for (int i = 0; i < 30; i++) {
            assertThat(throttle.blockedFor("10.0.0.1")).as("attempt %d", i).isZero();
            assertThat(throttle.failed("10.0.0.1")).as("failure %d", i).isZero();
        }
        // 30 per minute refill one token every 2 s.
        assertThat(throttle.blockedFor("10.0.0.1")).isEqualTo(2);
        assertThat(throttle.blockedFor("10.0.0.2")).as("another address").isZero();
        time.advanceSeconds(1.5);
        assertThat(throttle.blockedFor("10.0.0.1")).isEqualTo(1);
        time.advanceSeconds(0.5);
        assertThat(throttle.blockedFor("10.0.0.1")).as("one token back").isZero();
        assertThat(throttle.failed("10.0.0.1")).isZero();
        assertThat(throttle.blockedFor("10.0.0.1")).isEqualTo(2);
    }

    @Test
    void aFullMinuteRestoresTheLimitAndNeverMore() {
        FakeTime time = new FakeTime();
        FailedKeyThrottle throttle = new FailedKeyThrottle(5, 100, time);
        for (int i = 0; i < 5; i++) {
            throttle.failed("a");
        }
        time.advanceSeconds(600);
        int allowed = 0;
        while (throttle.blockedFor("a") == 0 && allowed < 100) {
            assertThat(throttle.failed("a")).isZero();
            allowed++;
        }
        assertThat(allowed).isEqualTo(5);
    }

    @Test
    void theNumberOfTrackedAddressesIsBounded() {
        FakeTime time = new FakeTime();
        FailedKeyThrottle throttle = new FailedKeyThrottle(1, 50, time);
        throttle.failed("first");
        assertThat(throttle.blockedFor("first")).isPositive();
        for (int i = 0; i < 5_000; i++) {
            throttle.failed("198.51." + (i / 256) + "." + (i % 256));
            assertThat(throttle.tracked()).isLessThanOrEqualTo(50);
        }
        // the oldest entry was evicted: a fresh bucket (the bound is about memory, not a way around the limit for
        // one address, which would have to be among 50 least recently failing to be forgotten)
        assertThat(throttle.blockedFor("first")).isZero();
    }

    @Test
    void refusesANonPositiveLimit() {
        assertThatThrownBy(() -> new FailedKeyThrottle(0, 10, new FakeTime()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FailedKeyThrottle(10, 0, new FakeTime()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
