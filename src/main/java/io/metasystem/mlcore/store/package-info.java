/**
 * The database: Flyway schema ({@code db/migration}; applied migrations never change), accounts, ad sets and their
 * attributes ({@code AdSetCatalog}), daily insights and their imports from Ads Manager CSV and Graph API JSON
 * ({@code InsightImporter}, {@code AdsManagerCsv}, {@code MetaInsightsJson}), and recommendations with their outcomes
 * ({@code RecommendationStore}); all through {@code JdbcClient}, on PostgreSQL or H2 ({@code SqlDialect}).
 *
 * <p>Owns: {@code StoredJson}, the one JSON mapper for documents at rest and for other systems' JSON;
 * {@code DeflatedText}, the format of deflated text columns (also used by {@code webhooks} for the outbox); the rule
 * for account ids ({@code AccountIds}: stored without {@code act_}); idempotent upserts keyed by natural keys.
 *
 * <p>May use: Spring (JDBC, transactions, Boot configuration), Jackson, Commons CSV, {@code config} (settings) and
 * {@code errors}.
 */
package io.metasystem.mlcore.store;
