package io.metasystem.mlcore.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A failure the API answers as {@code application/problem+json}: {@code title}, {@code status} (from the
 * {@link ProblemKind}), {@code detail} (the message) and {@code errors[]} (the fields), plus optional extension
 * members ({@link #properties()}) such as {@code constraint} or {@code retry_after_seconds}.
 *
 * <p>Feature packages throw it (or a subclass); one handler in {@code api} answers it, so controllers never build
 * problem bodies themselves. The detail and the field messages are shown to callers: never put secrets in them.
 */
public class ProblemException extends RuntimeException {
    private final ProblemKind kind;
    private final String title;
    private final List<FieldProblem> errors;
    private final Map<String, Object> properties;

    /**
     * @param kind what kind of failure; never null
     * @param title short summary; null: the kind's default title
     * @param detail sentence for the caller (the exception message); never null
     * @param errors offending fields; may be empty, never null
     * @param properties extension members in snake_case; may be empty, never null. A member named {@code errors}
     *     replaces the plain list in the body with richer entries (each still with {@code field} and
     *     {@code message}), e.g. an import problem's {@code line} and {@code column}
     * @param cause underlying failure, or null
     */
    public ProblemException(
            ProblemKind kind,
            String title,
            String detail,
            List<FieldProblem> errors,
            Map<String, Object> properties,
            Throwable cause) {
        super(Objects.requireNonNull(detail, "detail"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.title = title == null ? kind.defaultTitle() : title;
        this.errors = List.copyOf(errors);
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** A problem of {@code kind} about one field, with the field's message as detail. */
    public static ProblemException of(ProblemKind kind, String field, String message) {
        return new ProblemException(kind, null, message, List.of(new FieldProblem(field, message)), Map.of(), null);
    }

    /** @return what kind of failure this is (its HTTP status) */
    public ProblemKind kind() {
        return kind;
    }

    /** @return the problem's title */
    public String title() {
        return title;
    }

    /** @return the problem's detail sentence (same as {@link #getMessage()}) */
    public String detail() {
        return getMessage();
    }

    /** @return the offending fields, possibly empty */
    public List<FieldProblem> errors() {
        return errors;
    }

    /** @return extension members of the problem body, possibly empty */
    public Map<String, Object> properties() {
        return properties;
    }

    /**
     * HTTP headers the answer carries besides the body, e.g. {@code Retry-After} in seconds; subclasses override.
     *
     * @return header name to value, possibly empty, never null
     */
    public Map<String, String> headers() {
        return Map.of();
    }
}
