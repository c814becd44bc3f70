package io.metasystem.mlcore.recommendation;

import io.metasystem.mlcore.optimizer.AdSetInput;
import io.metasystem.mlcore.optimizer.DailyMetrics;
import io.metasystem.mlcore.optimizer.Prior;

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

    /**
     * @param input the ad set as the optimizer gets it (stored rows, model prior)
     * @param storedStatus its status as stored (the request carried it as such)
     */
    static AdSet adSet(AdSetInput input, String storedStatus) {
        List<Daily> daily = new ArrayList<>();
        for (DailyMetrics d : input.daily()) {
            daily.add(new Daily(d.date(), d.spend(), d.impressions(), d.clicks(), d.conversions(), d.revenue()));
        }
        Prior prior = input.prior();
        return new AdSet(
                input.id(),
                input.name(),
                storedStatus,
                input.currentBudget(),
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
