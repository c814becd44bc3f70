package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.FieldProblem;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * Documentation-only shape of our RFC 9457 problem responses (the runtime type is Spring's {@code ProblemDetail}
 * plus extension members), so OpenAPI shows {@code errors}, {@code constraint} and {@code shortfall}.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details, media type application/problem+json")
record ProblemSchema(
        @Schema(description = "Problem type URI", example = "about:blank")
        String type,

        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        @Schema(description = "Human-readable explanation") String detail,

        @Schema(description = "Path of the request (URI reference)", example = "/api/v1/meta_ads/optimize")
        String instance,

        @Schema(description = "Invalid fields, by JSON path")
        List<FieldProblem> errors,

        @Schema(description = "422 only: the constraint that cannot hold", example = "budget.min_per_adset")
        String constraint,

        @Schema(description = "422 only: by how much, currency per day")
        Double shortfall) {}
