package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.InvalidInputException;

import java.util.regex.Pattern;

/** The artist-id rule of every {@code /api/v1/artists/{artist_id}} route. */
final class ArtistParameters {
    static final Pattern ARTIST_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private ArtistParameters() {}

    /**
     * @return the id as given
     * @throws InvalidInputException naming {@code artist_id} unless 1-64 letters, digits, '_', '.' or '-'
     */
    static String artistId(String value) {
        if (value == null || !ARTIST_ID.matcher(value).matches()) {
            throw new InvalidInputException(
                    "artist_id", "must be 1-64 characters of letters, digits, '_', '.' or '-', got '" + value + "'");
        }
        return value;
    }
}
