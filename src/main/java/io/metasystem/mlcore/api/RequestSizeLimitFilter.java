package io.metasystem.mlcore.api;

import io.metasystem.mlcore.config.MlCoreProperties;
import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.store.StoreProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rejects bodies larger than {@code MAX_REQUEST_SIZE} with 413: at once when {@code Content-Length} says so,
 * and while reading for chunked uploads (the read fails with {@link PayloadTooLargeException}). Import routes
 * ({@code POST /api/v1/accounts/{id}/insights[.csv]} and the artists'
 * platform CSV imports) stream their body and have their own limit,
 * {@code MAX_IMPORT_SIZE}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {
    static final String REQUEST_VARIABLE = "MAX_REQUEST_SIZE";
    static final String IMPORT_VARIABLE = "MAX_IMPORT_SIZE";
    private static final Pattern IMPORT_ROUTE = Pattern.compile("/api/v1/accounts/[^/]+/insights(\\.csv)?"
            + "|/api/v1/artists/[^/]+/(spotify/timeline|spotify/songs|youtube/daily)\\.csv"
            + "|/api/v1/vision/(models|detect|models/[^/]+/evaluate)"
            + "|/api/v1/accounts/[^/]+/adsets/[^/]+/creatives");

    private final long limit;
    private final long importLimit;
    private final ObjectMapper mapper;

    RequestSizeLimitFilter(MlCoreProperties properties, StoreProperties store, ObjectMapper mapper) {
        this.limit = properties.maxRequestSize().toBytes();
        this.importLimit = store.maxImportSize().toBytes();
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean isImport = "POST".equals(request.getMethod())
                && IMPORT_ROUTE
                        .matcher(request.getRequestURI()
                                .substring(request.getContextPath().length()))
                        .matches();
        long max = isImport ? importLimit : limit;
        String variable = isImport ? IMPORT_VARIABLE : REQUEST_VARIABLE;
        if (request.getContentLengthLong() > max) {
            ProblemResponses.write(response, mapper, tooLarge(max, variable));
            return;
        }
        chain.doFilter(new LimitedRequest(request, max, variable), response);
    }

    static ProblemDetail tooLarge(long limit) {
        return tooLarge(limit, REQUEST_VARIABLE);
    }

    static ProblemDetail tooLarge(long limit, String variable) {
        String detail = "The request body is larger than the limit of " + limit + " bytes (" + variable + ").";
        return ProblemResponses.withErrors(
                ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE, "Content Too Large", detail),
                List.of(new FieldProblem("$", detail)));
    }

    /**
     * The 413 answer when reading the body failed because it grew past a limit, wherever that failure sits in the
     * cause chain (Jackson, multipart and CSV readers all wrap it); null when the failure has another cause.
     */
    static ResponseEntity<Object> tooLargeAnswer(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .body(tooLarge(tooLarge.limit, tooLarge.variable));
            }
        }
        return null;
    }

    /** Thrown while reading a body that grows past the limit. */
    static final class PayloadTooLargeException extends IOException {
        final long limit;
        final String variable;

        PayloadTooLargeException(long limit, String variable) {
            super("request body exceeds " + limit + " bytes");
            this.limit = limit;
            this.variable = variable;
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private final String variable;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit, String variable) {
            super(request);
            this.limit = limit;
            this.variable = variable;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit, variable);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long limit;
        private final String variable;
        private long count;

        CountingStream(ServletInputStream delegate, long limit, String variable) {
            this.delegate = delegate;
            this.limit = limit;
            this.variable = variable;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) throws PayloadTooLargeException {
            count += n;
            if (count > limit) {
                throw new PayloadTooLargeException(limit, variable);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
