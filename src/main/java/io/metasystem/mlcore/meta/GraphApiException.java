package io.metasystem.mlcore.meta;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.ProblemException;
import io.metasystem.mlcore.errors.ProblemKind;

import java.util.List;
import java.util.Map;

/**
 * A Graph API call that failed for good (after any retries). Fields come from the documented error body
 * {@code {"error": {"message", "type", "code", "error_subcode", "error_user_msg", "fbtrace_id"}}}. Answered 502
 * "Meta Graph API error" with {@code meta_code}; subclasses change the kind and title.
 */
class GraphApiException extends ProblemException {
    private final int httpStatus;
    private final int code;
    private final Integer subcode;
    private final String fbtraceId;

    public GraphApiException(String message, int httpStatus, int code, Integer subcode, String fbtraceId) {
        this("Meta Graph API error", message, httpStatus, code, subcode, fbtraceId);
    }

    /** A 502 about the whole request ({@code $}) with its own title. */
    GraphApiException(String title, String message, int httpStatus, int code, Integer subcode, String fbtraceId) {
        this(ProblemKind.BAD_GATEWAY, title, message, "$", message, httpStatus, code, subcode, fbtraceId);
    }

    /**
     * @param field the request field the failure is about ({@code $}: the whole request)
     * @param fieldMessage the message of that field in {@code errors[]}
     */
    GraphApiException(
            ProblemKind kind,
            String title,
            String message,
            String field,
            String fieldMessage,
            int httpStatus,
            int code,
            Integer subcode,
            String fbtraceId) {
        super(kind, title, message, List.of(new FieldProblem(field, fieldMessage)), Map.of("meta_code", code), null);
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

    /** Graph API error subcode; null when the body had none. */
    public Integer subcode() {
        return subcode;
    }

    /** Meta's trace id of the failed call; null when the body had none. */
    public String fbtraceId() {
        return fbtraceId;
    }
}
