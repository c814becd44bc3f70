package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.ProblemException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.ArrayList;
import java.util.List;

/**
 * Problem responses of the alert routes for the shared {@code errors} vocabulary: a {@link ProblemException}
 * becomes its kind's status with title, detail and {@code errors[]} (404 for an unknown alert or silence, 409 for
 * acknowledging a resolved alert). Scoped to the alert controllers until the shared handler covers the vocabulary.
 */
@RestControllerAdvice(assignableTypes = {AlertController.class, AnomalyController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class AlertProblemHandler {
    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        HttpStatus status = HttpStatus.valueOf(e.kind().status());
        ProblemDetail problem = ProblemResponses.problem(status, e.title(), e.detail());
        List<FieldProblem> errors = new ArrayList<>();
        e.errors().forEach(f -> errors.add(new FieldProblem(f.field(), f.message())));
        ProblemResponses.withErrors(problem, errors);
        e.properties().forEach(problem::setProperty);
        return ResponseEntity.status(status).body(problem);
    }
}
