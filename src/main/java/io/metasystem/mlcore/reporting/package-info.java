/**
 * Cross-platform reporting for music: artists (their Meta ad accounts and campaigns), Spotify for Artists and YouTube
 * Studio imports merged idempotently by (artist, day), known events, the joined daily report next to Meta spend, and
 * the attribution of incremental streams, followers, views and subscribers to ad spend ({@code reporting.model}, a
 * pure Bayesian distributed-lag regression).
 *
 * <p>Owns: the {@code artist*} tables (migration V50), {@code reporting_job} (V51, YouTube sync jobs,
 * {@link io.metasystem.mlcore.reporting.YoutubeSync}), {@link io.metasystem.mlcore.reporting.ArtistStore},
 * {@link io.metasystem.mlcore.reporting.PlatformImporter}, {@link io.metasystem.mlcore.reporting.ReportService},
 * {@link io.metasystem.mlcore.reporting.AttributionService}. May use: {@code store} (insights, CSV cells, import
 * problems), {@code scheduling}, {@code optimizer} (distributions), {@code errors}, Spring JDBC. {@code recommendation}
 * may depend on it, never the reverse.
 */
package io.metasystem.mlcore.reporting;
