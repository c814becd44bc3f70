package io.metasystem.mlcore.ml;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.ProblemException;
import io.metasystem.mlcore.errors.ProblemKind;

import java.util.List;
import java.util.Map;

/**
 * A valid request whose data cannot support it (e.g. a store window too short for rolling-origin validation): HTTP
 * 422 "Not enough data", naming the request field to change.
 */
class InsufficientDataException extends ProblemException {
    private final String field;

    /**
     * @param field the request field whose value selects too little data
     * @param message what is missing; the detail and the field's message
     */
    public InsufficientDataException(String field, String message) {
        super(
                ProblemKind.UNPROCESSABLE,
                "Not enough data",
                message,
                List.of(new FieldProblem(field, message)),
                Map.of(),
                null);
        this.field = field;
    }

    /** The request field whose value selects too little data. */
    public String field() {
        return field;
    }
}
