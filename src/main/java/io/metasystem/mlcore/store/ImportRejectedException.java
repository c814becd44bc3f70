package io.metasystem.mlcore.store;

import java.util.List;

/** An import file with invalid rows or columns; nothing of it was written. Answered with 400. */
public class ImportRejectedException extends RuntimeException {
    /** At most this many problems are reported. */
    public static final int MAX_PROBLEMS = 50;

    private final List<ImportProblem> problems;
    private final long totalProblems;

    public ImportRejectedException(List<ImportProblem> problems, long totalProblems) {
        super(totalProblems + " problem(s) in the import file, first: line "
                + problems.get(0).line() + " " + problems.get(0).column() + ": "
                + problems.get(0).message());
        this.problems = List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
        this.totalProblems = totalProblems;
    }

    public ImportRejectedException(ImportProblem problem) {
        this(List.of(problem), 1);
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    public long totalProblems() {
        return totalProblems;
    }
}
