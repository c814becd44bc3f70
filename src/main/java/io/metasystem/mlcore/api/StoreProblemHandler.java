package io.metasystem.mlcore.api;

import io.metasystem.mlcore.store.ImportProblem;
import io.metasystem.mlcore.store.ImportRejectedException;
import io.metasystem.mlcore.store.UnknownAccountException;
import io.metasystem.mlcore.store.UnknownRecommendationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Problem responses of the store routes: a rejected import is 400 with one {@code errors[]} entry per problem
 * (field = column or JSON path, plus {@code line}), an unknown account or recommendation 404, an import body over
 * {@code MAX_IMPORT_SIZE} 413. Ordered before {@link ProblemHandler}, whose catch-all would answer 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StoreProblemHandler {
    private static final Logger log = LoggerFactory.getLogger(StoreProblemHandler.class);

    @ExceptionHandler(ImportRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(ImportRejectedException e) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ImportProblem p : e.problems()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", p.column());
            error.put("message", (p.line() > 0 ? "line " + p.line() + ": " : "") + p.message());
            error.put("line", p.line());
            error.put("column", p.column());
            errors.add(error);
        }
        String detail = e.totalProblems() == 1
                ? "The file was not imported: " + errors.get(0).get("field") + " "
                        + errors.get(0).get("message")
                : "The file was not imported: " + e.totalProblems() + " problems"
                        + (e.totalProblems() > e.problems().size()
                                ? " (the first " + e.problems().size() + " are listed)"
                                : "")
                        + "; see errors.";
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        problem.setProperty(ProblemResponses.ERRORS, errors);
        problem.setProperty("total_errors", e.totalProblems());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(UnknownAccountException.class)
    ResponseEntity<ProblemDetail> unknownAccount(UnknownAccountException e) {
        return notFound(e.getMessage(), "account_id");
    }

    @ExceptionHandler(UnknownRecommendationException.class)
    ResponseEntity<ProblemDetail> unknownRecommendation(UnknownRecommendationException e) {
        return notFound(e.getMessage(), "recommendation_id");
    }

    @ExceptionHandler({UncheckedIOException.class, IOException.class})
    ResponseEntity<Object> io(Exception e) {
        ResponseEntity<Object> tooLarge = RequestSizeLimitFilter.tooLargeAnswer(e);
        if (tooLarge != null) {
            return tooLarge;
        }
        log.warn("Reading the request failed: {}", e.toString());
        return ResponseEntity.badRequest()
                .body(ProblemResponses.withErrors(
                        ProblemResponses.problem(
                                HttpStatus.BAD_REQUEST, "Invalid request", "The request body could not be read."),
                        List.of(new FieldProblem("$", "unreadable body"))));
    }

    private static ResponseEntity<ProblemDetail> notFound(String detail, String field) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.NOT_FOUND, "Not Found", detail);
        ProblemResponses.withErrors(problem, List.of(new FieldProblem(field, detail)));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
