/**
 * The dashboard a promotion team opens every morning: server-rendered pages (Thymeleaf, Apache ECharts served from
 * the jar) behind a sign-in with the API key, in English and Spanish.
 *
 * <p>Owns: the page routes ({@code /login}, {@code /logout}, {@code /dashboard/**}), the two Spring Security filter
 * chains (the API chain leaves {@code /api/**} to the API-key filter exactly as before; the pages chain keeps a
 * session cookie with CSRF protection), the page locale, the KPI arithmetic of the pages and their formatting, the
 * creatives page's drawing of detected boxes over the stored thumbnails ({@code vision}).
 *
 * <p>May use: {@code store} (accounts, insights, stored recommendations), {@code config} (the API key), the other
 * feature packages and {@code recommendation} as they grow pages; never {@code api}.
 */
package io.metasystem.mlcore.web;
