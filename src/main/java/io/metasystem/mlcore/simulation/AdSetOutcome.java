package io.metasystem.mlcore.simulation;

/**
 * Lifetime totals of one ad set of a past campaign: what a training row for a prior model is made of.
 *
 * @param account     index of the past account
 * @param adSetId     ad-set id within that account
 * @param attributes  its targeting attributes
 * @param days        days it was delivered
 * @param spend       total spend (currency)
 * @param clicks      total clicks
 * @param conversions total conversions
 */
public record AdSetOutcome(
        int account,
        String adSetId,
        SyntheticAdSetTraits attributes,
        int days,
        double spend,
        double clicks,
        double conversions) {}
