package io.metasystem.mlcore.meta;

/** Error 190 (invalid, expired or revoked access token): never retried; an alert is raised. */
public class MetaTokenException extends GraphApiException {
    public MetaTokenException(String message, int httpStatus, int code, Integer subcode, String fbtraceId) {
        super(message, httpStatus, code, subcode, fbtraceId);
    }
}
