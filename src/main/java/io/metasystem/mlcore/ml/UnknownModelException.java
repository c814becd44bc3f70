package io.metasystem.mlcore.ml;

/** No model version / champion / job with that key (HTTP 404). */
public class UnknownModelException extends RuntimeException {
    private final String field;

    public UnknownModelException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field that named the missing thing. */
    public String field() {
        return field;
    }
}
