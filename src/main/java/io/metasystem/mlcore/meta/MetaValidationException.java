package io.metasystem.mlcore.meta;

/** Error 100 (invalid parameter); {@link #field()} names the parameter Meta blamed, or {@code null}. */
public class MetaValidationException extends GraphApiException {
    private final String field;

    public MetaValidationException(
            String message, String field, int httpStatus, int code, Integer subcode, String fbtraceId) {
        super(message, httpStatus, code, subcode, fbtraceId);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
