package io.metasystem.mlcore.api;

import io.metasystem.mlcore.meta.GraphApiException;
import io.metasystem.mlcore.meta.GuardrailViolationException;
import io.metasystem.mlcore.meta.MetaNotConfiguredException;
import io.metasystem.mlcore.meta.MetaRateLimitException;
import io.metasystem.mlcore.meta.MetaTokenException;
import io.metasystem.mlcore.meta.MetaValidationException;
import io.metasystem.mlcore.meta.RecommendationNotFoundException;
import io.metasystem.mlcore.webhooks.WebhookRejectedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.time.Duration;
import java.util.List;

/**
 * Problem responses of the Meta connector: guardrail 422 naming it, unknown recommendation/job 404, Meta refusing a
 * parameter 422 naming the field, token rejected 502, rate limited 503 with Retry-After, not configured 503, other
 * Graph API failures 502, bad webhook signature 401. Ordered before {@link ProblemHandler}'s catch-all.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class MetaProblemHandler {

    @ExceptionHandler(GuardrailViolationException.class)
    ResponseEntity<ProblemDetail> guardrail(GuardrailViolationException e) {
        ProblemDetail p = ProblemResponses.problem(
                HttpStatus.UNPROCESSABLE_CONTENT, "Guardrail refused the change", e.getMessage());
        p.setProperty("guardrail", e.guardrail());
        if (e.adsetId() != null) {
            p.setProperty("adset_id", e.adsetId());
        }
        ProblemResponses.withErrors(p, List.of(new FieldProblem(e.guardrail(), e.getMessage())));
        return ResponseEntity.unprocessableContent().body(p);
    }

    @ExceptionHandler({RecommendationNotFoundException.class, MetaController.NotFoundException.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemResponses.problem(HttpStatus.NOT_FOUND, "Not Found", e.getMessage()));
    }

    @ExceptionHandler(MetaValidationException.class)
    ResponseEntity<ProblemDetail> metaValidation(MetaValidationException e) {
        ProblemDetail p =
                ProblemResponses.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Meta refused a parameter", e.getMessage());
        p.setProperty("meta_code", e.code());
        ProblemResponses.withErrors(p, List.of(new FieldProblem(e.field() == null ? "$" : e.field(), e.getMessage())));
        return ResponseEntity.unprocessableContent().body(p);
    }

    @ExceptionHandler(MetaTokenException.class)
    ResponseEntity<ProblemDetail> token(MetaTokenException e) {
        ProblemDetail p = ProblemResponses.problem(
                HttpStatus.BAD_GATEWAY, "Meta access token rejected", e.getMessage() + " Renew META_ACCESS_TOKEN.");
        p.setProperty("meta_code", e.code());
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(p);
    }

    @ExceptionHandler(MetaRateLimitException.class)
    ResponseEntity<ProblemDetail> rateLimited(MetaRateLimitException e) {
        ProblemDetail p = ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "Meta rate limit", e.getMessage());
        p.setProperty("meta_code", e.code());
        Duration after = e.retryAfter() == null ? Duration.ofMinutes(1) : e.retryAfter();
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, after.toSeconds())))
                .body(p);
    }

    @ExceptionHandler(MetaNotConfiguredException.class)
    ResponseEntity<ProblemDetail> notConfigured(MetaNotConfiguredException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(ProblemResponses.problem(
                        HttpStatus.SERVICE_UNAVAILABLE, "Meta connector not configured", e.getMessage()));
    }

    @ExceptionHandler(GraphApiException.class)
    ResponseEntity<ProblemDetail> graph(GraphApiException e) {
        ProblemDetail p = ProblemResponses.problem(HttpStatus.BAD_GATEWAY, "Meta Graph API error", e.getMessage());
        p.setProperty("meta_code", e.code());
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(p);
    }

    @ExceptionHandler(WebhookRejectedException.class)
    ResponseEntity<ProblemDetail> webhook(WebhookRejectedException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .body(ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "Webhook rejected", e.getMessage()));
    }
}
