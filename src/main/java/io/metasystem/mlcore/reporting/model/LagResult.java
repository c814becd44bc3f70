package io.metasystem.mlcore.reporting.model;

import java.util.List;
import java.util.Map;

/**
 * The posterior of a distributed-lag fit. Every estimate is null when the data cannot tell (see {@code warnings}).
 *
 * @param incrementalPerUnitSpend incremental metric units (all following days) per unit of spend: β
 * @param costPerIncremental      spend per incremental unit, 1/β, over draws with β > 0; null unless the 90 % interval
 *                                of β lies above zero
 * @param decayHalfLifeDays       half-life of the ads' effect in days
 * @param shareFromAds            incremental units from ads ÷ total units over the observed days
 * @param probabilityPositive     posterior probability that β > 0
 * @param diagnostics             numbers that tell how the fit went (snake_case keys)
 * @param warnings                why the estimate may not be trusted
 */
public record LagResult(
        Estimate incrementalPerUnitSpend,
        Estimate costPerIncremental,
        Estimate decayHalfLifeDays,
        Estimate shareFromAds,
        Double probabilityPositive,
        Map<String, Object> diagnostics,
        List<String> warnings) {}
