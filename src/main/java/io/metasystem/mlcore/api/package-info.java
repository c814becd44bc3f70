/**
 * The HTTP API under {@code /api/**} and {@code /health}: controllers, request and response DTOs, validation,
 * {@code application/problem+json} answers, API-key authentication, request ids, request size limits and the OpenAPI
 * description (docs/api.md). Controllers parse, call the feature packages and map; answers go through the
 * application's Jackson mapper ({@code snake_case}, configured under {@code spring.jackson} in
 * {@code application.yml}).
 *
 * <p>May use: every feature package and {@code errors}, Spring Web, springdoc. Nothing depends on it, and no
 * controller depends on another controller (ArchUnit).
 */
package io.metasystem.mlcore.api;
