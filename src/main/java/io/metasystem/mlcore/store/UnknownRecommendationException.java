package io.metasystem.mlcore.store;

/** No stored recommendation with this id. Answered with 404. */
public class UnknownRecommendationException extends RuntimeException {
    public UnknownRecommendationException(String id) {
        super("No recommendation '" + id + "'.");
    }
}
