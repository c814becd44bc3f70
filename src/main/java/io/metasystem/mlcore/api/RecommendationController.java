package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.store.Page;
import io.metasystem.mlcore.store.Recommendation;
import io.metasystem.mlcore.store.RecommendationOutcome;
import io.metasystem.mlcore.store.RecommendationStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Stored recommendations (every optimize answer) and how they turned out. */
@RestController
@Tag(name = "recommendations")
class RecommendationController {
    private final RecommendationStore recommendations;

    RecommendationController(RecommendationStore recommendations) {
        this.recommendations = recommendations;
    }

    @GetMapping(value = "/api/v1/recommendations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "List recommendations, newest first",
            description =
                    "Optional account_id, from/to (creation day, UTC, inclusive). Paged. Items omit the full response.")
    Page<Recommendation> list(
            @RequestParam(name = "account_id", required = false) String accountId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") String page,
            @RequestParam(defaultValue = "100") String size) {
        Paging paging = Paging.of(page, size);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate fromDate = DateParameters.parse("from", from, null, problems);
        LocalDate toDate = DateParameters.parse("to", to, null, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String account = Parameters.optionalAccountId(accountId);
        return recommendations.list(account, fromDate, toDate, paging.page(), paging.size());
    }

    @GetMapping(value = "/api/v1/recommendations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One recommendation with its inputs summary and full response")
    Recommendation get(@PathVariable String id) {
        return recommendations.get(id);
    }

    @GetMapping(value = "/api/v1/recommendations/{id}/outcome", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Recommended vs realised spend and conversions on the days after the recommendation",
            description = "days (1-90, default 7) from 'from' (default: the day after the recommendation, UTC). "
                    + "status no_data_yet until insights arrive.")
    RecommendationOutcome outcome(
            @PathVariable String id,
            @RequestParam(defaultValue = "7") String days,
            @RequestParam(required = false) String from) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate start = DateParameters.parse("from", from, null, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int n;
        try {
            n = Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("days", "expected a whole number, got '" + days + "'");
        }
        if (n < 1 || n > 90) {
            throw new InvalidInputException("days", "must be between 1 and 90, got " + n);
        }
        return recommendations.outcome(id, n, start);
    }
}
