package io.metasystem.mlcore.api;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyRateLimiterTest {
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
    void aKeyGetsItsLimitAtOnceThenARetryAfterOfTheRefillOfOneToken() {
        FakeTime time = new FakeTime();
        KeyRateLimiter limiter = new KeyRateLimiter(6, time);
        for (int i = 0; i < 6; i++) {
            assertThat(limiter.tryAcquire("a")).as("request %d", i).isZero();
        }
        // 6 per minute refill one token every 10 s.
        assertThat(limiter.tryAcquire("a")).isEqualTo(10);
        time.advanceSeconds(4);
        assertThat(limiter.tryAcquire("a")).isEqualTo(6);
        time.advanceSeconds(5.5);
        assertThat(limiter.tryAcquire("a"))
                .as("rounded up, never 0 while refused")
                .isEqualTo(1);
        time.advanceSeconds(0.5);
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isEqualTo(10);
    }

    @Test
    void oneNoisyKeyDoesNotTakeTokensOfAnother() {
        FakeTime time = new FakeTime();
        KeyRateLimiter limiter = new KeyRateLimiter(600, time);
        int refused = 0;
        for (int i = 0; i < 10_000; i++) {
            refused += limiter.tryAcquire("noisy") > 0 ? 1 : 0;
        }
        assertThat(refused).isEqualTo(10_000 - 600);
        for (int i = 0; i < 600; i++) {
            assertThat(limiter.tryAcquire("quiet")).as("quiet request %d", i).isZero();
        }
        assertThat(limiter.tryAcquire("quiet")).isPositive();
    }

    @Test
    void aFullMinuteRefillsTheWholeLimitButNeverMore() {
        FakeTime time = new FakeTime();
        KeyRateLimiter limiter = new KeyRateLimiter(60, time);
        for (int i = 0; i < 60; i++) {
            limiter.tryAcquire("k");
        }
        time.advanceSeconds(3600);
        int allowed = 0;
        while (limiter.tryAcquire("k") == 0) {
            allowed++;
        }
        assertThat(allowed).isEqualTo(60);
    }

    @Test
    void refusesALimitBelowOne() {
        assertThatThrownBy(() -> new KeyRateLimiter(0, new FakeTime())).isInstanceOf(IllegalArgumentException.class);
    }
}
