package io.metasystem.mlcore.meta;

import io.metasystem.mlcore.errors.ProblemKind;

import java.time.Duration;
import java.util.Map;

/**
 * Rate limited (codes 4, 17, 32, 613, 80000-80014) and still limited after the retries the budget allows. Answered
 * 503 "Meta rate limit" with a {@code Retry-After} header (seconds, at least 1; one minute when Meta gave no estimate).
 */
public class MetaRateLimitException extends GraphApiException {
    private final Duration retryAfter;

    public MetaRateLimitException(
            String message, Duration retryAfter, int httpStatus, int code, Integer subcode, String fbtraceId) {
        super(ProblemKind.UNAVAILABLE, "Meta rate limit", message, "$", message, httpStatus, code, subcode, fbtraceId);
        this.retryAfter = retryAfter;
    }

    /** Meta's estimated_time_to_regain_access, or the back-off that would have come next; nullable. */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public Map<String, String> headers() {
        Duration after = retryAfter == null ? Duration.ofMinutes(1) : retryAfter;
        return Map.of("Retry-After", Long.toString(Math.max(1, after.toSeconds())));
    }
}
