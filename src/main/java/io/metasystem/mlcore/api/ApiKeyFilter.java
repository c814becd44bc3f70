package io.metasystem.mlcore.api;

import io.metasystem.mlcore.config.ApiKeyHolder;
import io.metasystem.mlcore.errors.FieldProblem;
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
 * ({@code API_KEYS_READONLY}) passes GET and HEAD only; any other method answers 403 naming the route.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ApiKeyFilter extends OncePerRequestFilter {
    static final String HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD");

    private final ApiKeyHolder keys;
    private final ObjectMapper mapper;

    ApiKeyFilter(ApiKeyHolder keys, ObjectMapper mapper) {
        this.keys = keys;
        this.mapper = mapper;
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
        String presented = presentedKey(request);
        ApiKeyHolder.Access access = keys.access(presented);
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
