package io.metasystem.mlcore.meta;

/**
 * A Graph API call that failed for good (after any retries). Fields come from the documented error body
 * {@code {"error": {"message", "type", "code", "error_subcode", "error_user_msg", "fbtrace_id"}}}.
 */
public class GraphApiException extends RuntimeException {
    private final int httpStatus;
    private final int code;
    private final Integer subcode;
    private final String fbtraceId;

    public GraphApiException(String message, int httpStatus, int code, Integer subcode, String fbtraceId) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
        this.subcode = subcode;
        this.fbtraceId = fbtraceId;
    }

    /** HTTP status of the last response; 0 when there was none (timeout, connection refused). */
    public int httpStatus() {
        return httpStatus;
    }

    /** Graph API error code, 0 when the body had none. */
    public int code() {
        return code;
    }

    public Integer subcode() {
        return subcode;
    }

    public String fbtraceId() {
        return fbtraceId;
    }
}
