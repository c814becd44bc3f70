package io.metasystem.mlcore.store;

import com.fasterxml.jackson.annotation.JsonValue;
import io.metasystem.mlcore.errors.InvalidInputException;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Targeting and creative attributes of an ad set ({@code age → 25-34}, {@code placement → reels}, …): the features
 * the ml package predicts priors from. Keys are lower-case identifiers, values short strings; sorted so the stored
 * JSON is canonical.
 *
 * @param values at most {@value #MAX_ENTRIES} entries; never null
 */
public record AdSetAttributes(@JsonValue Map<String, String> values) {
    public static final int MAX_ENTRIES = 50;
    public static final int MAX_VALUE_LENGTH = 200;
    public static final AdSetAttributes NONE = new AdSetAttributes(Map.of());
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /**
     * @throws InvalidInputException naming the offending key ({@code attributes} or {@code attributes.<key>}) when a
     *     key or value is invalid
     */
    public AdSetAttributes {
        if (values == null) {
            throw new InvalidInputException("attributes", "must not be null");
        }
        if (values.size() > MAX_ENTRIES) {
            throw new InvalidInputException("attributes", "at most " + MAX_ENTRIES + " entries, was " + values.size());
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k == null || !KEY.matcher(k).matches()) {
                throw new InvalidInputException("attributes", "key must match [a-z][a-z0-9_]{0,63}, was " + k);
            }
            if (v == null || v.isBlank() || v.length() > MAX_VALUE_LENGTH) {
                throw new InvalidInputException(
                        "attributes." + k,
                        "1-" + MAX_VALUE_LENGTH + " characters, was "
                                + (v == null ? "null" : v.length() + " characters"));
            }
            sorted.put(k, v.strip());
        });
        values = Collections.unmodifiableMap(sorted);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
