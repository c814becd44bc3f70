package io.metasystem.mlcore.errors;

import java.util.List;
import java.util.Map;

/**
 * A named resource does not exist (404). One class for every resource: the {@code resource} word ("account",
 * "recommendation", "model", "job", …) and the id are data, and so is the field (path or query parameter) that
 * named it.
 */
public class NotFoundException extends ProblemException {
    private final String resource;
    private final String id;

    /**
     * @param resource what was looked up, a lower-case noun such as {@code recommendation}
     * @param id the id that was not found
     * @param field the request field or path parameter that carried the id, e.g. {@code recommendation_id}
     */
    public NotFoundException(String resource, String id, String field) {
        this(resource, id, field, "No " + resource + " '" + id + "'.", "no " + resource + " '" + id + "'");
    }

    /**
     * As {@link #NotFoundException(String, String, String)} with a detail sentence that tells the caller what to do
     * (e.g. "import its insights first"); the detail is also the field's message.
     */
    public NotFoundException(String resource, String id, String field, String detail) {
        this(resource, id, field, detail, detail);
    }

    private NotFoundException(String resource, String id, String field, String detail, String fieldMessage) {
        super(ProblemKind.NOT_FOUND, null, detail, List.of(new FieldProblem(field, fieldMessage)), Map.of(), null);
        this.resource = resource;
        this.id = id;
    }

    /** @return what was looked up */
    public String resource() {
        return resource;
    }

    /** @return the id that was not found */
    public String id() {
        return id;
    }
}
