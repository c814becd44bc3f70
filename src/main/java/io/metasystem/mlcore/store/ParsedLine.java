package io.metasystem.mlcore.store;

import java.util.ArrayList;
import java.util.List;

/** A parser's verdict on one input row: the row, or the problems that make it invalid. */
record ParsedLine(InsightRow row, List<ImportProblem> problems) {
    public ParsedLine {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** Longest id the store keeps ({@code varchar(64)}) and longest name ({@code varchar(255)}). */
    static final int MAX_ID = 64;

    static final int MAX_NAME = 255;

    /** The row, or the problems of texts longer than their columns (a 400 naming them, never a failed insert). */
    static ParsedLine ok(InsightRow row) {
        List<ImportProblem> problems = new ArrayList<>();
        tooLong(row, "adset_id", row.adSetId(), MAX_ID, problems);
        tooLong(row, "campaign_id", row.campaignId(), MAX_ID, problems);
        tooLong(row, "adset_name", row.adSetName(), MAX_NAME, problems);
        tooLong(row, "campaign_name", row.campaignName(), MAX_NAME, problems);
        if (row.currency() != null && !row.currency().matches("[A-Za-z]{3}")) {
            problems.add(new ImportProblem(row.line(), "currency", "must be a 3-letter ISO 4217 code"));
        }
        return problems.isEmpty() ? new ParsedLine(row, List.of()) : invalid(problems);
    }

    private static void tooLong(InsightRow row, String field, String value, int max, List<ImportProblem> problems) {
        if (value != null && value.length() > max) {
            problems.add(new ImportProblem(row.line(), field, "at most " + max + " characters, got " + value.length()));
        }
    }

    static ParsedLine invalid(List<ImportProblem> problems) {
        return new ParsedLine(null, problems);
    }
}
