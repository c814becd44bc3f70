package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * The one paging rule of every paged route: {@code page} from 0 (at most 1,000,000), {@code size} from 1 to
 * {@value #MAX_SIZE}.
 */
record Paging(int page, int size) {
    static final int MAX_SIZE = 500;
    static final int MAX_PAGE = 1_000_000;

    /**
     * @throws InvalidInputException naming {@code page} and/or {@code size} when not a whole number in range
     */
    static Paging of(String page, String size) {
        List<FieldProblem> problems = new ArrayList<>();
        int p = integer("page", page, 0, MAX_PAGE, problems);
        int s = integer("size", size, 1, MAX_SIZE, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Paging(p, s);
    }

    private static int integer(String field, String value, int min, int max, List<FieldProblem> problems) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                problems.add(new FieldProblem(field, "must be between " + min + " and " + max + ", got " + n));
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "expected a whole number, got '" + value + "'"));
            return 0;
        }
    }
}
