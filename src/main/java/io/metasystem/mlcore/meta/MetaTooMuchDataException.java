package io.metasystem.mlcore.meta;

/**
 * Meta refused a call because it asks for too much data at once (100/1487534, 1/99, "reduce the amount of data");
 * not retried as is: insights reads switch to an async report run instead.
 */
class MetaTooMuchDataException extends GraphApiException {
    public MetaTooMuchDataException(String message, int httpStatus, int code, Integer subcode, String fbtraceId) {
        super(message, httpStatus, code, subcode, fbtraceId);
    }
}
