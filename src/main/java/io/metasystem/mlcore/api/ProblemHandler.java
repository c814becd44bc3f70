package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.ProblemException;
import io.metasystem.mlcore.optimizer.InfeasibleBudgetException;
import io.metasystem.mlcore.optimizer.InvalidProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one mapping from failures to RFC 9457 {@code application/problem+json}: every {@link ProblemException} (its
 * kind gives the status, its fields {@code errors[]}, its properties extension members and its headers response
 * headers), the optimizer's own {@link InvalidProblemException} (400) and {@link InfeasibleBudgetException} (422), and
 * the framework's failures (unreadable JSON, type mismatch, missing parameter, 405, 415, 413 …), each with
 * {@code errors[]} naming the field, parameter or header ({@code $}: the whole request). Anything else falls through
 * to {@link FallbackProblemHandler}, the 500 at lowest precedence, so no handler here needs an order.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> problem(ProblemException e) {
        HttpStatus status = HttpStatus.valueOf(e.kind().status());
        ProblemDetail problem = ProblemResponses.problem(status, e.title(), e.detail());
        e.properties().forEach(problem::setProperty);
        if (!e.properties().containsKey(ProblemResponses.ERRORS)) {
            ProblemResponses.withErrors(problem, e.errors());
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
        e.headers().forEach((name, value) -> answer.header(name, value));
        return answer.body(problem);
    }

    @ExceptionHandler(InvalidProblemException.class)
    ResponseEntity<Object> invalidProblem(InvalidProblemException e) {
        return badRequest(List.of(new FieldProblem(e.field(), e.reason())));
    }

    @ExceptionHandler(InfeasibleBudgetException.class)
    ResponseEntity<Object> infeasible(InfeasibleBudgetException e) {
        ProblemDetail problem = ProblemResponses.problem(
                HttpStatus.UNPROCESSABLE_CONTENT, "Constraints cannot all hold", e.getMessage());
        problem.setProperty("constraint", e.constraint());
        problem.setProperty("shortfall", e.shortfall());
        if (e.report() != null) {
            problem.setProperty("binding_constraints", e.report().binding());
            problem.setProperty("suggestions", e.report().suggestions());
        }
        ProblemResponses.withErrors(problem, List.of(new FieldProblem(e.constraint(), e.getMessage())));
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }

    /**
     * A value the store cannot hold (a numeric column overflow the request limits did not foresee, e.g. an expected
     * revenue past {@code numeric(18, 6)}): 422, never 500. The SQL and the values stay in the log, not the answer.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> notStorable(DataIntegrityViolationException e) {
        log.warn(
                "A value could not be stored: {}",
                e.getMostSpecificCause().getClass().getName());
        String detail = "A given or computed value is outside what the store can hold; see the limits in "
                + "docs/api.md and send smaller numbers.";
        ProblemDetail problem = ProblemResponses.withErrors(
                ProblemResponses.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Value cannot be stored", detail),
                List.of(new FieldProblem("$", detail)));
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }

    /**
     * The database is unreachable (connection refused, pool timeout, server restarting): 503 with {@code
     * Retry-After}; the next request after it is back succeeds without a restart (the pool reconnects).
     */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        CannotGetJdbcConnectionException.class,
        TransientDataAccessResourceException.class
    })
    ResponseEntity<Object> databaseUnavailable(DataAccessException e) {
        return unavailable(e.getMostSpecificCause());
    }

    /**
     * A transaction that could not begin because no connection could be had (imports, apply), or whose commit or
     * rollback failed because the connection died under it (the database went away mid-request): 503 as above.
     */
    @ExceptionHandler({CannotCreateTransactionException.class, TransactionSystemException.class})
    ResponseEntity<Object> transactionUnavailable(TransactionException e) {
        return unavailable(e.getMostSpecificCause());
    }

    private static ResponseEntity<Object> unavailable(Throwable cause) {
        log.warn("The database is unavailable: {}", cause.getClass().getName());
        String detail = "The database is unavailable; retry in a few seconds.";
        ProblemDetail problem = ProblemResponses.withErrors(
                ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable", detail),
                List.of(new FieldProblem("$", detail)));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }

    /** A body that could not be read: 413 when it grew past a size limit, else 400. */
    @ExceptionHandler({UncheckedIOException.class, IOException.class})
    ResponseEntity<Object> io(Exception e) {
        ResponseEntity<Object> tooLarge = RequestSizeLimitFilter.tooLargeAnswer(e);
        if (tooLarge != null) {
            return tooLarge;
        }
        log.warn("Reading the request failed: {}", e.toString());
        return badRequest("The request body could not be read.", List.of(new FieldProblem("$", "unreadable body")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> tooLarge = RequestSizeLimitFilter.tooLargeAnswer(e);
        if (tooLarge != null) {
            return tooLarge;
        }
        JacksonException jackson = findCause(e, JacksonException.class);
        if (jackson == null) {
            return badRequest(
                    "Request body is missing or not readable.",
                    List.of(new FieldProblem("$", "required JSON body is missing")));
        }
        String path = jsonPath(jackson.getPath());
        String message;
        if (jackson instanceof UnrecognizedPropertyException unknown) {
            message = "unknown field '" + unknown.getPropertyName() + "'";
        } else if (jackson instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "expected " + describe(mismatch.getTargetType());
        } else if (jackson instanceof StreamReadException && jackson.getLocation() != null) {
            message = "malformed JSON at line " + jackson.getLocation().getLineNr() + ", column "
                    + jackson.getLocation().getColumnNr() + ": " + firstSentence(jackson.getOriginalMessage());
        } else {
            message = firstSentence(jackson.getOriginalMessage());
        }
        return badRequest(
                "The request body is not valid JSON for this endpoint.", List.of(new FieldProblem(path, message)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(snakeCase(error.getField()), error.getDefaultMessage()));
        }
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> errors.add(new FieldProblem("$", error.getDefaultMessage())));
        return badRequest(errors);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // The framework passes no body for some failures (415, 406) and builds it in super: complete it after.
        ResponseEntity<Object> answer = super.handleExceptionInternal(e, body, headers, status, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
            if (problem.getTitle() == null) {
                HttpStatus known = HttpStatus.resolve(status.value());
                problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
            }
            Map<String, Object> members = problem.getProperties();
            if (members == null || !members.containsKey(ProblemResponses.ERRORS)) {
                String detail = problem.getDetail() == null ? problem.getTitle() : problem.getDetail();
                ProblemResponses.withErrors(problem, List.of(new FieldProblem(field(e), detail)));
            }
        }
        return answer;
    }

    /** The parameter, header or part a framework failure is about; {@code $} for the whole request. */
    private static String field(Exception e) {
        if (e instanceof MissingServletRequestParameterException missing) {
            return missing.getParameterName();
        }
        if (e instanceof MissingRequestHeaderException header) {
            return header.getHeaderName();
        }
        if (e instanceof MissingServletRequestPartException part) {
            return part.getRequestPartName();
        }
        if (e instanceof TypeMismatchException mismatch && mismatch.getPropertyName() != null) {
            return mismatch.getPropertyName();
        }
        if (e instanceof HttpMediaTypeNotSupportedException) {
            return HttpHeaders.CONTENT_TYPE;
        }
        return "$";
    }

    private static ResponseEntity<Object> badRequest(List<FieldProblem> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid; see errors.";
        return badRequest(detail, errors);
    }

    private static ResponseEntity<Object> badRequest(String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemResponses.withErrors(
                ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Invalid request", detail), errors);
        return ResponseEntity.badRequest().body(problem);
    }

    static String jsonPath(List<JacksonException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference ref : path) {
            if (ref.getPropertyName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "$" : out.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(c -> c.toString().toLowerCase(Locale.ROOT))
                            .toList();
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        return "an object";
    }

    private static String firstSentence(String message) {
        if (message == null) {
            return "unreadable value";
        }
        int cut = message.indexOf('\n');
        return cut > 0 ? message.substring(0, cut) : message;
    }

    static String snakeCase(String javaPath) {
        return javaPath.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
