package io.metasystem.mlcore.store;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.ProblemException;
import io.metasystem.mlcore.errors.ProblemKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An import file with invalid rows or columns; nothing of it was written. Answered with 400: one {@code errors[]}
 * entry per problem (field = column or JSON path, message prefixed with the line, plus members {@code line} and
 * {@code column}) and {@code total_errors}.
 */
public class ImportRejectedException extends ProblemException {
    /** At most this many problems are reported. */
    public static final int MAX_PROBLEMS = 50;

    private final List<ImportProblem> problems;
    private final long totalProblems;

    /**
     * @param problems the problems found, in file order; at least one (only the first {@link #MAX_PROBLEMS} are kept)
     * @param totalProblems how many problems the file has in all
     */
    public ImportRejectedException(List<ImportProblem> problems, long totalProblems) {
        this(List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS))), totalProblems, true);
    }

    /** One problem. */
    public ImportRejectedException(ImportProblem problem) {
        this(List.of(problem), 1);
    }

    private ImportRejectedException(List<ImportProblem> kept, long totalProblems, boolean unused) {
        super(
                ProblemKind.INVALID_INPUT,
                null,
                detail(kept, totalProblems),
                fields(kept),
                members(kept, totalProblems),
                null);
        this.problems = kept;
        this.totalProblems = totalProblems;
    }

    private static String message(ImportProblem p) {
        return (p.line() > 0 ? "line " + p.line() + ": " : "") + p.message();
    }

    private static List<FieldProblem> fields(List<ImportProblem> kept) {
        return kept.stream()
                .map(p -> new FieldProblem(p.column() == null || p.column().isBlank() ? "$" : p.column(), message(p)))
                .toList();
    }

    private static String detail(List<ImportProblem> kept, long total) {
        if (total == 1) {
            return "The file was not imported: " + kept.get(0).column() + " " + message(kept.get(0));
        }
        return "The file was not imported: " + total + " problems"
                + (total > kept.size() ? " (the first " + kept.size() + " are listed)" : "")
                + "; see errors.";
    }

    private static Map<String, Object> members(List<ImportProblem> kept, long total) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ImportProblem p : kept) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", p.column());
            error.put("message", message(p));
            error.put("line", p.line());
            error.put("column", p.column());
            errors.add(error);
        }
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("errors", errors);
        members.put("total_errors", total);
        return members;
    }

    /** The problems reported, at most {@link #MAX_PROBLEMS}. */
    public List<ImportProblem> problems() {
        return problems;
    }

    /** How many problems the file has in all. */
    public long totalProblems() {
        return totalProblems;
    }
}
