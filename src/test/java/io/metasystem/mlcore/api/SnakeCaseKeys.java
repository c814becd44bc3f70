package io.metasystem.mlcore.api;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's JSON convention: every object key of an answer, at any depth, has no upper-case letter. */
final class SnakeCaseKeys {
    private SnakeCaseKeys() {}

    /** Fails naming every key (as a JSON path under {@code what}) that contains an upper-case letter. */
    static void assertSnakeCase(String what, JsonNode answer) {
        List<String> offending = new ArrayList<>();
        walk(what, answer, offending);
        assertThat(offending).as("keys with upper-case letters in " + what).isEmpty();
    }

    private static void walk(String path, JsonNode node, List<String> offending) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!e.getKey().equals(e.getKey().toLowerCase(Locale.ROOT))) {
                    offending.add(path + "." + e.getKey());
                }
                walk(path + "." + e.getKey(), e.getValue(), offending);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(path + "[" + i + "]", node.get(i), offending);
            }
        }
    }
}
