package io.metasystem.mlcore.api;

import io.metasystem.mlcore.ml.InsufficientDataException;
import io.metasystem.mlcore.ml.UnknownModelException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/** Problem responses of the ml routes: unknown model version, champion or job is 404; too little data 422. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MlProblemHandler {
    @ExceptionHandler(UnknownModelException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownModelException e) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.NOT_FOUND, "Not Found", e.getMessage());
        ProblemResponses.withErrors(problem, List.of(new FieldProblem(e.field(), e.getMessage())));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(InsufficientDataException.class)
    ResponseEntity<ProblemDetail> insufficient(InsufficientDataException e) {
        ProblemDetail problem =
                ProblemResponses.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Not enough data", e.getMessage());
        ProblemResponses.withErrors(problem, List.of(new FieldProblem(e.field(), e.getMessage())));
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }
}
