package io.metasystem.mlcore.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the ads added to one metric of an artist. Every estimate is a posterior summary {@code {mean, interval: [5 %,
 * 95 %]}} (cost also {@code median}), or an empty object when the data cannot tell (then {@code warnings} says
 * why).
 *
 * @param metric                  {@code streams}, {@code followers}, {@code youtube_views} or {@code subscribers}
 * @param from                    first day explained
 * @param to                      last day explained
 * @param currency                the ad accounts' currency
 * @param incrementalPerUnitSpend INCREMENTAL metric units per unit of spend (all following days)
 * @param costPerIncremental      spend per INCREMENTAL unit (not per unit of the total)
 * @param decayHalfLifeDays       half-life of the ads' effect, days
 * @param shareFromAds            INCREMENTAL units ÷ TOTAL units of the period
 * @param diagnostics             how the fit went
 * @param warnings                why not to trust it
 * @param method                  the model, in words
 */
public record Attribution(
        String metric,
        LocalDate from,
        LocalDate to,
        String currency,
        Map<String, Object> incrementalPerUnitSpend,
        Map<String, Object> costPerIncremental,
        Map<String, Object> decayHalfLifeDays,
        Map<String, Object> shareFromAds,
        Map<String, Object> diagnostics,
        List<String> warnings,
        String method) {}
