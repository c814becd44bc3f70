package io.metasystem.mlcore.meta;

/**
 * An ad account as the Graph API describes it.
 *
 * @param id       account id without {@code act_}
 * @param currency ISO 4217, nullable when Meta did not return it
 */
record GraphAccount(String id, String name, String currency, String timezoneName) {}
