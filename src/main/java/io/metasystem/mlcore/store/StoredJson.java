package io.metasystem.mlcore.store;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper for documents at rest and for parsing other systems' JSON: JSON columns (insight extras,
 * recommendation inputs and responses, ad-set attributes, job requests and results, audit requests and responses),
 * model artifacts and provenance files, outbox payloads read back, CSV/JSON import files and the Graph API's answers.
 * Answers of the HTTP API never go through it: they use the application's Spring-managed mapper ({@code snake_case},
 * {@code spring.jackson.*} in {@code application.yml}).
 *
 * <p>Settings: Jackson 3 defaults, on purpose, so that every row and artifact written so far reads back unchanged.
 * <ul>
 *   <li>Property names are the Java names (record components as declared, e.g. {@code artifactSha256} in
 *       {@code provenance.json}); documents built as maps or trees carry their own ({@code snake_case}) keys.</li>
 *   <li>Nulls are written. Reading ignores unknown properties, fails on a null for a primitive and fails on tokens
 *       after the value ({@code FAIL_ON_TRAILING_TOKENS}) except through {@link #STREAMING}.</li>
 *   <li>Dates and times are ISO-8601 strings; no pretty printing unless the caller asks for it.</li>
 * </ul>
 * Changing a setting changes the stored format: keep old documents readable (golden-file tests in {@code ml}).
 * Both mappers are immutable and thread-safe.
 */
public final class StoredJson {
    /** The mapper for stored documents and external JSON; the settings above. */
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    /**
     * {@link #MAPPER} that allows tokens after a value: for reading one element at a time from a parser that the
     * caller positions inside a larger document (streamed imports).
     */
    public static final JsonMapper STREAMING = MAPPER.rebuild()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StoredJson() {}
}
