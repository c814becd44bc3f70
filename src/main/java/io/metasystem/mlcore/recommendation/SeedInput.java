package io.metasystem.mlcore.recommendation;

import io.metasystem.mlcore.optimizer.Prior;
import io.metasystem.mlcore.store.AdSetHistory;
import io.metasystem.mlcore.store.DailyInsight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the default seed of an optimization on stored history is derived from: the request's settings as sent and the
 * loaded ad sets, in the shape of the stateless optimize request (same names, same order), so that the seed and hence
 * every answer are what they were when the stored history was passed through that request. Serialised only.
 */
record SeedInput(
        String objective,
        String currency,
        Object budget,
        Object targets,
        Double riskAversion,
        Object earlyStop,
        Double halfLifeDays,
        Long seed,
        List<AdSet> adsets,
        Boolean useModelPriors,
        String modelScope) {

    static SeedInput of(HistoryRequest.SeedBasis basis, String currency, List<AdSet> adSets) {
        return new SeedInput(
                basis.objective(),
                currency,
                basis.budget(),
                basis.targets(),
                basis.riskAversion(),
                basis.earlyStop(),
                basis.halfLifeDays(),
                null,
                adSets,
                null,
                null);
    }

    static AdSet adSet(AdSetHistory h, Prior prior) {
        List<Daily> daily = new ArrayList<>();
        for (DailyInsight d : h.days()) {
            daily.add(new Daily(
                    d.date(),
                    d.spend().doubleValue(),
                    d.impressions() == null ? null : d.impressions().doubleValue(),
                    d.clicks() == null ? null : d.clicks().doubleValue(),
                    d.conversions() == null ? 0.0 : d.conversions().doubleValue(),
                    d.revenue() == null ? null : d.revenue().doubleValue()));
        }
        return new AdSet(
                h.adSet().id(),
                h.adSet().name(),
                h.adSet().status(),
                h.adSet().dailyBudget() == null ? null : h.adSet().dailyBudget().doubleValue(),
                null,
                daily,
                prior == null
                        ? null
                        : new SeedPrior(prior.cpa(), prior.cvr(), prior.roas(), prior.weight(), prior.source()),
                null);
    }

    record AdSet(
            String id,
            String name,
            String status,
            Double currentBudget,
            Object metrics,
            List<Daily> daily,
            SeedPrior prior,
            Map<String, String> attributes) {}

    record Daily(LocalDate date, Double spend, Double impressions, Double clicks, Double conversions, Double revenue) {}

    record SeedPrior(Double cpa, Double cvr, Double roas, Double weight, String source) {}
}
