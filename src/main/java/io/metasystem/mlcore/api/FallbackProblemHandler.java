package io.metasystem.mlcore.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * The catch-all: anything no {@code @ExceptionHandler} answers is a 500 without internals (logged with its stack
 * trace; the caller quotes {@code X-Request-Id}), with an empty {@code errors[]}.
 *
 * <p>It is an exception resolver at {@link Ordered#LOWEST_PRECEDENCE}, consulted only after Spring MVC's own resolver
 * found no handler in any {@code @RestControllerAdvice}. A catch-all {@code @ExceptionHandler(Exception.class)} advice
 * would tie with every unordered advice (they too default to lowest precedence) and could shadow them; here no
 * feature handler needs an {@code @Order}.
 */
@Component
class FallbackProblemHandler implements HandlerExceptionResolver, Ordered {
    private static final Logger log = LoggerFactory.getLogger(FallbackProblemHandler.class);

    private final ObjectMapper mapper;

    FallbackProblemHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        log.error("Unhandled error", e);
        if (response.isCommitted()) {
            return null;
        }
        ProblemDetail problem = ProblemResponses.withErrors(
                ProblemResponses.problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "Internal Server Error",
                        "An unexpected error occurred. Quote the X-Request-Id header when reporting it."),
                List.of());
        problem.setInstance(URI.create(request.getRequestURI()));
        try {
            response.resetBuffer();
            ProblemResponses.write(response, mapper, problem);
        } catch (IOException | RuntimeException writeFailure) {
            log.warn("Writing the 500 answer failed: {}", writeFailure.toString());
            return null;
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
