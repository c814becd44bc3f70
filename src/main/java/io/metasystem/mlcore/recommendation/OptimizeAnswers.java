package io.metasystem.mlcore.recommendation;

import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The wire side of an optimize answer, which the web API owns (its answer format and the alert warnings): this
 * package builds and records the answer of an account optimization through it, whoever asked (the API, the n8n
 * webhook or a dashboard page), so that every caller stores the same answer.
 */
public interface OptimizeAnswers {
    /**
     * The answer of an optimization as the API returns it, without {@code recommendation_id}.
     *
     * @param totalSweep what-if totals, null: none
     * @param horizonDays days of a multi-day plan, null: none
     */
    ObjectNode answer(Optimized optimized, List<Double> totalSweep, Integer horizonDays);

    /** Appends the warnings that do not come from the optimizer (e.g. firing alerts) to {@code answer.warnings}. */
    void addWarnings(ObjectNode answer);
}
