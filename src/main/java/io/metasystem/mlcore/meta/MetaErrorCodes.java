package io.metasystem.mlcore.meta;

/**
 * The Graph API error codes the connector acts on ({@code error.code} and {@code error.error_subcode} of Meta's
 * error body; Graph API "Handling Errors" and Marketing API "Rate Limiting"). {@link GraphApiClient} maps them to
 * exceptions and retries; {@link ApplyService} stops an apply on a token error.
 */
final class MetaErrorCodes {
    /** Unknown error, often transient; with subcode {@link #SUBCODE_TOO_MUCH_DATA_UNKNOWN} it asks for less data. */
    static final int UNKNOWN = 1;
    /** Temporary service error; retried. */
    static final int SERVICE = 2;
    /** Application request limit reached. */
    static final int APP_RATE_LIMIT = 4;
    /** User request limit reached. */
    static final int USER_RATE_LIMIT = 17;
    /** Page request limit reached. */
    static final int PAGE_RATE_LIMIT = 32;
    /** Invalid parameter; the body names the blamed field. */
    static final int INVALID_PARAMETER = 100;
    /** Session key invalid or no longer valid (an access-token error like {@link #INVALID_TOKEN}). */
    static final int SESSION_KEY_INVALID = 102;
    /** Access token invalid or expired. */
    static final int INVALID_TOKEN = 190;
    /** Calls to this API exceeded the rate limit. */
    static final int API_RATE_LIMIT = 613;
    /** First of the Business Use Case rate-limit codes (ads insights, ads management, …). */
    static final int BUSINESS_RATE_LIMIT_FIRST = 80000;
    /** Last of the Business Use Case rate-limit codes. */
    static final int BUSINESS_RATE_LIMIT_LAST = 80014;
    /** Subcode of {@link #INVALID_PARAMETER}: the insights call asks for too much data at once. */
    static final int SUBCODE_TOO_MUCH_DATA = 1487534;
    /** Subcode of {@link #UNKNOWN}: an unknown error that Meta resolves by asking for less data. */
    static final int SUBCODE_TOO_MUCH_DATA_UNKNOWN = 99;

    private MetaErrorCodes() {}

    /** True for {@link #INVALID_TOKEN} and {@link #SESSION_KEY_INVALID}: renew the token, never retry. */
    static boolean isTokenError(Integer code) {
        return code != null && (code == INVALID_TOKEN || code == SESSION_KEY_INVALID);
    }

    /** True for the rate-limit codes: 4, 17, 32, 613 and 80000–80014. */
    static boolean isRateLimit(int code) {
        return code == APP_RATE_LIMIT
                || code == USER_RATE_LIMIT
                || code == PAGE_RATE_LIMIT
                || code == API_RATE_LIMIT
                || (code >= BUSINESS_RATE_LIMIT_FIRST && code <= BUSINESS_RATE_LIMIT_LAST);
    }

    /** True for the codes Meta documents as transient (1, 2); the body's {@code is_transient} flag adds others. */
    static boolean isTransient(int code) {
        return code == UNKNOWN || code == SERVICE;
    }
}
