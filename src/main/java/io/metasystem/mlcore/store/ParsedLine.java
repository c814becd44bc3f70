package io.metasystem.mlcore.store;

import java.util.List;

/** A parser's verdict on one input row: the row, or the problems that make it invalid. */
record ParsedLine(InsightRow row, List<ImportProblem> problems) {
    public ParsedLine {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    static ParsedLine ok(InsightRow row) {
        return new ParsedLine(row, List.of());
    }

    static ParsedLine invalid(List<ImportProblem> problems) {
        return new ParsedLine(null, problems);
    }
}
