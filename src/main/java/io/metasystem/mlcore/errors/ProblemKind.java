package io.metasystem.mlcore.errors;

/** What kind of failure a {@link ProblemException} is; the {@code api} package maps each to its HTTP status. */
public enum ProblemKind {
    /** Invalid input: 400. */
    INVALID_INPUT(400, "Invalid request"),
    /** The caller is not authenticated (an inbound webhook without a valid signature): 401. */
    UNAUTHORIZED(401, "Unauthorized"),
    /** The caller may not do this: 403. */
    FORBIDDEN(403, "Forbidden"),
    /** A named resource does not exist: 404. */
    NOT_FOUND(404, "Not Found"),
    /** The request conflicts with the current state (a job already running, a duplicate): 409. */
    CONFLICT(409, "Conflict"),
    /** Over a size limit: 413. */
    TOO_LARGE(413, "Payload too large"),
    /** A valid request that cannot be satisfied (infeasible constraints, too little data): 422. */
    UNPROCESSABLE(422, "Request cannot be satisfied"),
    /** An upstream service (the Meta Graph API) failed: 502. */
    BAD_GATEWAY(502, "Upstream service failed"),
    /** Not configured or temporarily unavailable (rate limited upstream, database down): 503. */
    UNAVAILABLE(503, "Service unavailable");

    private final int status;
    private final String defaultTitle;

    ProblemKind(int status, String defaultTitle) {
        this.status = status;
        this.defaultTitle = defaultTitle;
    }

    /** @return the HTTP status code of this kind */
    public int status() {
        return status;
    }

    /** @return the problem title used when the exception names none */
    public String defaultTitle() {
        return defaultTitle;
    }
}
