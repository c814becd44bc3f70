package io.metasystem.mlcore.api;

import java.util.List;

/** Invalid request input, answered with 400 and one {@link FieldProblem} per problem. */
public class RequestValidationException extends RuntimeException {
    private final List<FieldProblem> errors;

    public RequestValidationException(List<FieldProblem> errors) {
        super(errors.size() + " invalid field(s), first: " + errors.get(0).field() + " "
                + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public RequestValidationException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
