package io.metasystem.mlcore.meta;

import java.time.Duration;

/** Rate limited (codes 4, 17, 32, 613, 80000-80014) and still limited after the retries the budget allows. */
public class MetaRateLimitException extends GraphApiException {
    private final Duration retryAfter;

    public MetaRateLimitException(
            String message, Duration retryAfter, int httpStatus, int code, Integer subcode, String fbtraceId) {
        super(message, httpStatus, code, subcode, fbtraceId);
        this.retryAfter = retryAfter;
    }

    /** Meta's estimated_time_to_regain_access, or the back-off that would have come next. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
