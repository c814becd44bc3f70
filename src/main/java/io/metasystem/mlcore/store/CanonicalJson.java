package io.metasystem.mlcore.store;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * Canonical form of a JSON request (object keys sorted recursively, no whitespace, nulls dropped) and its SHA-256,
 * so the same request always hashes the same whatever the field order the caller used.
 */
public final class CanonicalJson {
    private static final JsonMapper JSON = StoredJson.MAPPER;

    private CanonicalJson() {}

    public static String canonical(JsonNode node) {
        return JSON.writeValueAsString(sort(node));
    }

    /** Lower-case hex SHA-256 of {@link #canonical(JsonNode)}. */
    public static String sha256(JsonNode node) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(canonical(node).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    private static JsonNode sort(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            List<String> names = new ArrayList<>(node.propertyNames());
            Collections.sort(names);
            for (String name : names) {
                JsonNode value = node.get(name);
                if (!value.isNull()) {
                    out.set(name, sort(value));
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            node.forEach(item -> out.add(sort(item)));
            return out;
        }
        return node;
    }
}
