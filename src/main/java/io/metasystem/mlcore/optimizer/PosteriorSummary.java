package io.metasystem.mlcore.optimizer;

/**
 * The fitted model of one ad set, reported so every number in a recommendation can be traced.
 *
 * @param shape                 Gamma posterior shape α of conversions per unit of spend (at reference spend)
 * @param rate                  Gamma posterior rate β (currency units of effective spend)
 * @param conversionsPerUnit    posterior mean α/β: conversions per currency unit at the reference spend
 * @param effectiveSpend        decay-weighted spend that entered the posterior
 * @param effectiveConversions  decay-weighted conversions that entered the posterior
 * @param saturationExponent    exponent θ in (0, 1] of the response curve E[conv](b) ∝ b^θ
 * @param orderValue            posterior mean revenue per conversion (currency), null when unknown
 */
public record PosteriorSummary(
        double shape,
        double rate,
        double conversionsPerUnit,
        double effectiveSpend,
        double effectiveConversions,
        double saturationExponent,
        Double orderValue) {}
