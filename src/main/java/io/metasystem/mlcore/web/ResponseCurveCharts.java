package io.metasystem.mlcore.web;

import io.metasystem.mlcore.optimizer.ResponseCurve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each ad set's response curve of a stored recommendation (expected conversions per day against the daily budget)
 * with its current and recommended points, as chart JSON. Every point is computed by the optimizer's own
 * {@link ResponseCurve}; nothing of the curve's math lives here.
 */
final class ResponseCurveCharts {
    /** Points along each curve. */
    static final int STEPS = 40;
    /** The curve runs from 0 to this multiple of the larger of the ad set's current and recommended budget. */
    static final double SPAN = 2.0;

    /** Translated series names. */
    record Labels(String curve, String current, String recommended) {}

    private ResponseCurveCharts() {}

    /**
     * @return chart JSON per ad-set id, in the recommendation's order; empty when the answer lacks the figures
     */
    static Map<String, String> of(RecommendationView r, Labels labels) {
        Map<String, String> out = new LinkedHashMap<>();
        Optional<Double> reference = r.referenceSpend();
        if (reference.isEmpty()) {
            return out;
        }
        for (RecommendationView.Line line : r.lines()) {
            double current = line.currentBudget() == null ? 0 : line.currentBudget();
            double recommended = line.recommendedBudget() == null ? 0 : line.recommendedBudget();
            double top = SPAN * Math.max(current, recommended);
            Optional<ResponseCurve> curve = line.curve(reference.get());
            if (curve.isEmpty() || !(top > 0)) {
                continue;
            }
            ResponseCurve c = curve.get();
            List<double[]> points = new ArrayList<>(STEPS + 1);
            for (int i = 0; i <= STEPS; i++) {
                double budget = top * i / STEPS;
                points.add(new double[] {budget, c.expectedConversions(budget)});
            }
            ChartData chart = ChartData.budgets(r.currency()).points(labels.curve(), "line", "count", points);
            if (line.currentBudget() != null) {
                chart.points(labels.current(), "scatter", "count", List.<double[]>of(new double[] {
                    current, c.expectedConversions(current)
                }));
            }
            if (line.recommendedBudget() != null) {
                chart.points(labels.recommended(), "scatter", "count", List.<double[]>of(new double[] {
                    recommended, c.expectedConversions(recommended)
                }));
            }
            out.put(line.adsetId(), chart.json());
        }
        return out;
    }
}
