package io.metasystem.mlcore.meta;

/** No recommendation with this id: 404. */
public class RecommendationNotFoundException extends RuntimeException {
    public RecommendationNotFoundException(String id) {
        super("No recommendation with id '" + id + "'.");
    }
}
