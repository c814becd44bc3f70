package io.metasystem.mlcore.meta;

/**
 * Error 190 (invalid, expired or revoked access token): never retried; an alert is raised. Answered 502 "Meta access
 * token rejected"; the detail tells the operator to renew {@code META_ACCESS_TOKEN}.
 */
public class MetaTokenException extends GraphApiException {
    public MetaTokenException(String message, int httpStatus, int code, Integer subcode, String fbtraceId) {
        super("Meta access token rejected", message, httpStatus, code, subcode, fbtraceId);
    }

    /** The message and what to do about it. */
    @Override
    public String detail() {
        return getMessage() + " Renew META_ACCESS_TOKEN.";
    }
}
