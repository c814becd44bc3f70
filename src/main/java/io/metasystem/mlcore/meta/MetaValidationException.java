package io.metasystem.mlcore.meta;

import io.metasystem.mlcore.errors.ProblemKind;

/**
 * Error 100 (invalid parameter); {@link #field()} names the parameter Meta blamed, or {@code null}. Answered 422 "Meta
 * refused a parameter" naming the field ({@code $} when Meta named none).
 */
class MetaValidationException extends GraphApiException {
    private final String field;

    public MetaValidationException(
            String message, String field, int httpStatus, int code, Integer subcode, String fbtraceId) {
        super(
                ProblemKind.UNPROCESSABLE,
                "Meta refused a parameter",
                message,
                field == null || field.isBlank() ? "$" : field,
                message,
                httpStatus,
                code,
                subcode,
                fbtraceId);
        this.field = field;
    }

    /** The parameter Meta blamed; null when it named none. */
    public String field() {
        return field;
    }
}
