package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.NotFoundException;
import io.metasystem.mlcore.meta.GuardrailViolationException;
import io.metasystem.mlcore.meta.MetaNotConfiguredException;
import io.metasystem.mlcore.meta.MetaRateLimitException;
import io.metasystem.mlcore.meta.MetaTokenException;
import io.metasystem.mlcore.optimizer.InvalidProblemException;
import io.metasystem.mlcore.store.ImportProblem;
import io.metasystem.mlcore.store.ImportRejectedException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One mapping from every exception to its problem body: status, title, detail, errors[] as data, extras. */
class ProblemHandlerTest {
    private final ProblemHandler handler = new ProblemHandler();

    @Test
    void notFoundNamesTheFieldThatCarriedTheId() {
        ProblemDetail body = body(handler.problem(new NotFoundException("recommendation", "r1", "recommendation_id")));
        assertThat(body.getStatus()).isEqualTo(404);
        assertThat(body.getTitle()).isEqualTo("Not Found");
        assertThat(body.getDetail()).isEqualTo("No recommendation 'r1'.");
        assertThat(errors(body)).containsExactly(new FieldProblem("recommendation_id", "no recommendation 'r1'"));
    }

    @Test
    void metaFailuresHaveErrorsAndKeepTheirHeadersAndMembers() {
        ResponseEntity<Object> limited = handler.problem(
                new MetaRateLimitException("Slow down.", Duration.ofSeconds(30), 400, 17, null, "trace"));
        assertThat(limited.getStatusCode().value()).isEqualTo(503);
        assertThat(limited.getHeaders().getFirst("Retry-After")).isEqualTo("30");
        assertThat(body(limited).getTitle()).isEqualTo("Meta rate limit");
        assertThat(body(limited).getProperties()).containsEntry("meta_code", 17);
        assertThat(errors(body(limited))).extracting(FieldProblem::field).containsExactly("$");

        ProblemDetail token = body(handler.problem(new MetaTokenException("Token expired.", 400, 190, null, "t")));
        assertThat(token.getStatus()).isEqualTo(502);
        assertThat(token.getDetail()).isEqualTo("Token expired. Renew META_ACCESS_TOKEN.");
        assertThat(errors(token)).hasSize(1);

        ProblemDetail off = body(handler.problem(new MetaNotConfiguredException("Set META_ACCESS_TOKEN.")));
        assertThat(off.getStatus()).isEqualTo(503);
        assertThat(errors(off)).hasSize(1);
    }

    @Test
    void guardrailIsTheFieldAndAMember() {
        ProblemDetail body =
                body(handler.problem(new GuardrailViolationException("max_change_ratio", "a1", "Too big.")));
        assertThat(body.getStatus()).isEqualTo(422);
        assertThat(body.getProperties())
                .containsEntry("guardrail", "max_change_ratio")
                .containsEntry("adset_id", "a1");
        assertThat(errors(body)).containsExactly(new FieldProblem("max_change_ratio", "Too big."));
    }

    @Test
    void importProblemsKeepLineAndColumnAndTheTotal() {
        ProblemDetail body = body(handler.problem(new ImportRejectedException(
                List.of(new ImportProblem(3, "Day", "not a date"), new ImportProblem(4, "Day", "not a date")), 7)));
        assertThat(body.getStatus()).isEqualTo(400);
        assertThat(body.getDetail())
                .isEqualTo("The file was not imported: 7 problems (the first 2 are listed); see errors.");
        assertThat(body.getProperties()).containsEntry("total_errors", 7L);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors =
                (List<Map<String, Object>>) body.getProperties().get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0))
                .containsEntry("field", "Day")
                .containsEntry("message", "line 3: not a date")
                .containsEntry("line", 3L)
                .containsEntry("column", "Day");
    }

    @Test
    void theOptimizersInvalidProblemIsReadFromItsFieldAndReason() {
        ProblemDetail body = body(handler.invalidProblem(new InvalidProblemException("budget.total", "must be > 0")));
        assertThat(body.getStatus()).isEqualTo(400);
        assertThat(body.getDetail()).isEqualTo("budget.total: must be > 0");
        assertThat(errors(body)).containsExactly(new FieldProblem("budget.total", "must be > 0"));
    }

    private static ProblemDetail body(ResponseEntity<Object> answer) {
        return (ProblemDetail) answer.getBody();
    }

    @SuppressWarnings("unchecked")
    private static List<FieldProblem> errors(ProblemDetail body) {
        return (List<FieldProblem>) body.getProperties().get(ProblemResponses.ERRORS);
    }
}
