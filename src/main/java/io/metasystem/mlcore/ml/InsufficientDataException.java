package io.metasystem.mlcore.ml;

/**
 * A valid request whose data cannot support it (e.g. a store window too short for rolling-origin validation): HTTP
 * 422, naming the request field to change.
 */
public class InsufficientDataException extends RuntimeException {
    private final String field;

    public InsufficientDataException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field whose value selects too little data. */
    public String field() {
        return field;
    }
}
