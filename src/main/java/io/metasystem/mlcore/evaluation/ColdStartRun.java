package io.metasystem.mlcore.evaluation;

/**
 * Score of one policy on one cold-start scenario.
 *
 * @param scenarioIndex   index of the scenario
 * @param label           its label
 * @param policy          policy name
 * @param share           Σ expected conversions / Σ day-by-day optimum over all scored days (as the backtest)
 * @param launchShare     the same ratio over the new ad sets' first 7 days (launch day .. launch day + 6)
 * @param badNewBudget    budget given to bad new ad sets in those 7 days / the account's total budget of those days;
 *                        bad = true CPA at the equal share (fresh creative) above 2× the account's median ad set's
 * @param badNewAdSets    number of bad new ad sets in the scenario
 * @param violations      broken constraints (backtest audit)
 * @param errors          days on which the policy threw
 */
record ColdStartRun(
        int scenarioIndex,
        String label,
        String policy,
        double share,
        double launchShare,
        double badNewBudget,
        int badNewAdSets,
        int violations,
        int errors) {}
