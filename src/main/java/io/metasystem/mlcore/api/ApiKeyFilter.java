package io.metasystem.mlcore.api;

import io.github.bucket4j.TimeMeter;
import io.metasystem.mlcore.config.ApiKeyHolder;
import io.metasystem.mlcore.config.RateLimitProperties;
import io.metasystem.mlcore.errors.FieldProblem;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Requires the API key on every {@code /api/**} route, as {@code X-API-Key: <key>} or
 * {@code Authorization: Bearer <key>}. Health, metrics and API docs stay open. A read-only key
 * ({@code API_KEYS_READONLY}) passes GET and HEAD only; any other method answers 403 naming the route. Each valid
 * key has its own rate limit ({@code API_RATE_LIMIT_PER_MINUTE}, {@link KeyRateLimiter}): past it, 429 with
 * {@code Retry-After} in seconds; the open routes are never limited since this filter does not see them. Wrong or
 * missing keys are throttled per client address ({@code API_AUTH_FAILURES_PER_MINUTE}, {@link FailedKeyThrottle}):
 * past the limit every request from that address is a 429 before its key is even checked.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ApiKeyFilter extends OncePerRequestFilter {
    static final String HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD");

    static final String RATE_VARIABLE = "API_RATE_LIMIT_PER_MINUTE";
    static final String RATE_LIMITED_METRIC = "mlcore.api.rate.limited";
    static final String FAILURES_VARIABLE = "API_AUTH_FAILURES_PER_MINUTE";
    static final String FAILURES_THROTTLED_METRIC = "mlcore.api.auth.throttled";
    /** Most client addresses whose failed authentications are counted at once. */
    static final int MAX_TRACKED_ADDRESSES = 10_000;

    private final ApiKeyHolder keys;
    private final ObjectMapper mapper;
    private final KeyRateLimiter limiter;
    private final FailedKeyThrottle failures;
    private final MeterRegistry meters;

    ApiKeyFilter(ApiKeyHolder keys, ObjectMapper mapper, RateLimitProperties rateLimit, MeterRegistry meters) {
        this.keys = keys;
        this.mapper = mapper;
        this.limiter =
                rateLimit.enabled() ? new KeyRateLimiter(rateLimit.perMinute(), TimeMeter.SYSTEM_NANOTIME) : null;
        this.failures = rateLimit.throttlesFailures()
                ? new FailedKeyThrottle(
                        rateLimit.authFailuresPerMinute(), MAX_TRACKED_ADDRESSES, TimeMeter.SYSTEM_NANOTIME)
                : null;
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // The n8n webhook is authenticated by its HMAC signature instead (N8nWebhookController).
        boolean signedWebhook = path.equals(N8nWebhookController.PATH) && "POST".equals(request.getMethod());
        return signedWebhook || !(path.equals("/api") || path.startsWith("/api/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        if (failures != null) {
            // Before the key is checked, so a guess sent while throttled learns nothing.
            long blocked = failures.blockedFor(address);
            if (blocked > 0) {
                throttled(response, blocked);
                return;
            }
        }
        String presented = presentedKey(request);
        ApiKeyHolder.Identity identity = keys.identify(presented);
        ApiKeyHolder.Access access = identity.access();
        if (access != ApiKeyHolder.Access.NONE && limiter != null) {
            long retryAfter = limiter.tryAcquire(identity.hash());
            if (retryAfter > 0) {
                tooManyRequests(response, identity.hash(), retryAfter);
                return;
            }
        }
        if (access == ApiKeyHolder.Access.FULL) {
            chain.doFilter(request, response);
            return;
        }
        if (access == ApiKeyHolder.Access.READ_ONLY) {
            if (READ_METHODS.contains(request.getMethod())) {
                chain.doFilter(request, response);
                return;
            }
            String route = request.getMethod() + " " + request.getRequestURI();
            String detail = "A read-only key (API_KEYS_READONLY) may only GET; " + route + " needs a key of API_KEY.";
            ProblemDetail problem = ProblemResponses.withErrors(
                    ProblemResponses.problem(HttpStatus.FORBIDDEN, "Forbidden", detail),
                    List.of(new FieldProblem(HEADER, detail)));
            problem.setProperty("route", route);
            ProblemResponses.write(response, mapper, problem);
            return;
        }
        if (failures != null) {
            long blocked = failures.failed(address);
            if (blocked > 0) {
                throttled(response, blocked);
                return;
            }
        }
        String detail = presented == null
                ? "Send the API key as 'X-API-Key: <key>' or 'Authorization: Bearer <key>'."
                : "The API key is not valid.";
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ml-core\"");
        ProblemResponses.write(
                response,
                mapper,
                ProblemResponses.withErrors(
                        ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "Unauthorized", detail),
                        List.of(new FieldProblem(HEADER, detail))));
    }

    private void tooManyRequests(HttpServletResponse response, String keyHash, long retryAfter) throws IOException {
        // Tagged with the key's hash (ApiKeyHolder.Identity), never the key.
        meters.counter(RATE_LIMITED_METRIC, "key", keyHash).increment();
        tooMany(
                response,
                "This API key sent more than its limit of requests per minute (" + RATE_VARIABLE + ")",
                retryAfter);
    }

    private void throttled(HttpServletResponse response, long retryAfter) throws IOException {
        // Not tagged with the address: one series, whatever the number of clients.
        meters.counter(FAILURES_THROTTLED_METRIC).increment();
        tooMany(
                response,
                "Too many requests with a wrong or missing API key from this address (" + FAILURES_VARIABLE + ")",
                retryAfter);
    }

    /** 429 problem+json: {@code reason}, the wait in {@code Retry-After} and {@code retry_after_seconds}. */
    private void tooMany(HttpServletResponse response, String reason, long retryAfter) throws IOException {
        String detail = reason + "; retry in " + retryAfter + " s.";
        ProblemDetail problem = ProblemResponses.withErrors(
                ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests", detail),
                List.of(new FieldProblem(HEADER, detail)));
        problem.setProperty("retry_after_seconds", retryAfter);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        ProblemResponses.write(response, mapper, problem);
    }

    private static String presentedKey(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null && !header.isBlank()) {
            return header;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length());
        }
        return null;
    }
}
