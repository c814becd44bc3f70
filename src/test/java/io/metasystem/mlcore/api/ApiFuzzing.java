package io.metasystem.mlcore.api;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seeded mutation fuzzer of {@link ApiFuzzTest}: from a valid request it derives invalid ones (wrong types,
 * nulls, huge and tiny numbers, NaN strings, duplicated array elements such as ids and dates, deep nesting, many ad
 * sets, invalid UTF-8, wrong content types, truncated bodies). Deterministic given the {@link Random}.
 */
final class ApiFuzzing {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Raw number texts, some beyond double (parsed by Jackson as infinity or as big decimals). */
    private static final List<String> NUMBERS = List.of(
            "1e308",
            "-1e308",
            "1.7976931348623157e308",
            "1e400",
            "-1e400",
            "1e-320",
            "4.9e-324",
            "0",
            "-0",
            "-1",
            "1e9",
            "1000000001",
            "1e12",
            "1e13",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "123456789012345678901234567890",
            "0.000000000000000000001",
            "1e999999999");

    private static final List<String> STRINGS = List.of(
            "NaN",
            "Infinity",
            "-Infinity",
            "",
            " ",
            "abc",
            "1e308",
            "1e999999999",
            "2026-02-30",
            "9999-12-31",
            "0000-01-01",
            "act_",
            "../../etc/passwd",
            "\u0000",
            "ACTIVE\u202e",
            "x".repeat(5000));
    private static final String STRUCTURAL = "{}[]\",:;\n\r\t\\";
    private static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "",
            "application/json;charset=latin1");

    /** One request to send. */
    record Input(String method, String path, String contentType, byte[] body, boolean signed, String mutation) {
        /** The input as a regression file ({@code src/test/resources/fuzz/regressions}). */
        String toJson() {
            ObjectNode n = JSON.createObjectNode();
            n.put("mutation", mutation);
            n.put("method", method);
            n.put("path", path);
            n.put("content_type", contentType);
            n.put("signed", signed);
            String text = new String(body, StandardCharsets.UTF_8);
            if (Arrays.equals(text.getBytes(StandardCharsets.UTF_8), body)) {
                n.put("body", text);
            } else {
                n.put("body_base64", Base64.getEncoder().encodeToString(body));
            }
            return n.toPrettyString();
        }

        static Input fromJson(String json) {
            JsonNode n = JSON.readTree(json);
            byte[] body = n.has("body_base64")
                    ? Base64.getDecoder().decode(n.get("body_base64").asString())
                    : n.path("body").asString("").getBytes(StandardCharsets.UTF_8);
            return new Input(
                    n.path("method").asString("POST"),
                    n.get("path").asString(),
                    n.path("content_type").asString(""),
                    body,
                    n.path("signed").asBoolean(false),
                    n.path("mutation").asString(""));
        }
    }

    private final Random random;

    ApiFuzzing(long seed) {
        this.random = new Random(seed);
    }

    /** A mutation of a JSON body: tree mutations mostly, raw-byte mutations sometimes. */
    Input json(String method, String path, String validJson, boolean signed) {
        int kind = random.nextInt(100);
        if (kind < 70) {
            JsonNode tree = JSON.readTree(validJson);
            List<String> applied = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                tree = mutateTree(tree, applied);
            }
            return new Input(
                    method, path, "application/json", bytes(tree.toString()), signed, String.join("; ", applied));
        }
        if (kind < 78) {
            return new Input(method, path, "application/json", rawNumber(validJson), signed, "raw number");
        }
        if (kind < 84) {
            return new Input(method, path, "application/json", deepNesting(), signed, "deep nesting");
        }
        if (kind < 92) {
            return bytesMutation(method, path, "application/json", bytes(validJson), signed);
        }
        String type = CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
        return new Input(method, path, type, bytes(validJson), signed, "content type '" + type + "'");
    }

    /** A mutation of a CSV body: cells, rows, headers, bytes or the content type. */
    Input csv(String path, String validCsv) {
        List<String> lines = new ArrayList<>(List.of(validCsv.split("\n", -1)));
        int kind = random.nextInt(100);
        String mutation;
        if (kind < 55) {
            int row = 1 + random.nextInt(Math.max(1, lines.size() - 2));
            String[] cells = lines.get(row).split(",", -1);
            int cell = random.nextInt(cells.length);
            String value = random.nextBoolean()
                    ? NUMBERS.get(random.nextInt(NUMBERS.size()))
                    : STRINGS.get(random.nextInt(STRINGS.size()));
            cells[cell] = random.nextInt(4) == 0 ? "\"" + value + "\"" : value;
            lines.set(row, String.join(",", cells));
            mutation = "cell " + row + ":" + cell + " = " + abbreviate(value);
        } else if (kind < 65) {
            int row = 1 + random.nextInt(Math.max(1, lines.size() - 2));
            int copies = 1 + random.nextInt(3);
            for (int i = 0; i < copies; i++) {
                lines.add(row, lines.get(row));
            }
            mutation = "duplicate row " + row;
        } else if (kind < 72) {
            String[] header = lines.get(0).split(",", -1);
            int cell = random.nextInt(header.length);
            header[cell] = random.nextBoolean() ? "" : header[(cell + 1) % header.length];
            lines.set(0, String.join(",", header));
            mutation = "header " + cell + " blank or duplicated";
        } else if (kind < 78) {
            lines.replaceAll(l -> l.replace(',', ';'));
            mutation = "semicolons";
        } else if (kind < 92) {
            return bytesMutation("POST", path, "text/csv", bytes(validCsv), false);
        } else {
            String type = CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
            return new Input("POST", path, type, bytes(validCsv), false, "content type '" + type + "'");
        }
        return new Input("POST", path, "text/csv", bytes(String.join("\n", lines)), false, mutation);
    }

    private JsonNode mutateTree(JsonNode root, List<String> applied) {
        List<Location> locations = new ArrayList<>();
        collect(root, "$", locations);
        if (locations.isEmpty()) {
            applied.add("root replaced");
            return randomValue();
        }
        Location at = locations.get(random.nextInt(locations.size()));
        int op = random.nextInt(10);
        JsonNode replacement;
        String what;
        switch (op) {
            case 0 -> {
                replacement = NODES.nullNode();
                what = "null";
            }
            case 1, 2, 3 -> {
                String n = NUMBERS.get(random.nextInt(NUMBERS.size()));
                replacement = JSON.readTree(n.equals("1e999999999") ? "1e99" : n);
                what = n;
            }
            case 4 -> {
                String s = STRINGS.get(random.nextInt(STRINGS.size()));
                replacement = NODES.stringNode(s);
                what = "'" + abbreviate(s) + "'";
            }
            case 5 -> {
                replacement = random.nextBoolean() ? NODES.booleanNode(true) : NODES.arrayNode();
                what = replacement.toString();
            }
            case 6 -> {
                replacement = NODES.objectNode().put("unexpected", 1);
                what = "object";
            }
            case 7 -> {
                if (at.parent() instanceof ObjectNode object) {
                    object.remove(at.key());
                    applied.add("removed " + at.path());
                    return root;
                }
                replacement = NODES.nullNode();
                what = "null";
            }
            default -> {
                if (at.parent() instanceof ArrayNode array) {
                    JsonNode element = array.get(at.index());
                    int copies = random.nextInt(5) == 0 ? 12_000 : 1 + random.nextInt(3);
                    for (int i = 0; i < copies; i++) {
                        array.add(element.deepCopy());
                    }
                    applied.add("duplicated " + at.path() + " x" + copies);
                    return root;
                }
                replacement = NODES.stringNode("1e308");
                what = "'1e308'";
            }
        }
        applied.add(at.path() + " = " + what);
        if (at.parent() instanceof ObjectNode object) {
            object.set(at.key(), replacement);
        } else if (at.parent() instanceof ArrayNode array) {
            array.set(at.index(), replacement);
        }
        return root;
    }

    private JsonNode randomValue() {
        return switch (random.nextInt(4)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.arrayNode();
            case 2 -> NODES.stringNode("x");
            default -> NODES.numberNode(1);
        };
    }

    private record Location(JsonNode parent, String key, int index, String path) {}

    private static void collect(JsonNode node, String path, List<Location> out) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                String p = path + "." + e.getKey();
                out.add(new Location(object, e.getKey(), -1, p));
                collect(e.getValue(), p, out);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String p = path + "[" + i + "]";
                out.add(new Location(array, null, i, p));
                collect(array.get(i), p, out);
            }
        }
    }

    /** Replaces one number in the text by a raw number text (also ones Jackson reads as infinity). */
    private byte[] rawNumber(String json) {
        Matcher m = Pattern.compile("(?<=[:\\[,])\\s*-?\\d+(\\.\\d+)?").matcher(json);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return bytes(json);
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        String n = NUMBERS.get(random.nextInt(NUMBERS.size()));
        return bytes(json.substring(0, span[0]) + n + json.substring(span[1]));
    }

    private byte[] deepNesting() {
        int depth = 500 + random.nextInt(5000);
        boolean arrays = random.nextBoolean();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            b.append(arrays ? "[" : "{\"a\":");
        }
        b.append('1');
        for (int i = 0; i < depth; i++) {
            b.append(arrays ? "]" : "}");
        }
        return bytes(b.toString());
    }

    private Input bytesMutation(String method, String path, String type, byte[] valid, boolean signed) {
        int op = random.nextInt(4);
        byte[] out;
        String what;
        switch (op) {
            case 0 -> {
                int cut = valid.length == 0 ? 0 : random.nextInt(valid.length);
                out = Arrays.copyOf(valid, cut);
                what = "truncated at " + cut;
            }
            case 1 -> {
                out = valid.clone();
                int flips = 1 + random.nextInt(4);
                for (int i = 0; i < flips && out.length > 0; i++) {
                    out[random.nextInt(out.length)] = (byte) (0x80 | random.nextInt(0x80));
                }
                what = "invalid UTF-8 bytes x" + flips;
            }
            case 2 -> {
                out = new byte[0];
                what = "empty body";
            }
            default -> {
                out = valid.clone();
                if (out.length > 0) {
                    out[random.nextInt(out.length)] = (byte) STRUCTURAL.charAt(random.nextInt(STRUCTURAL.length()));
                }
                what = "structural byte replaced";
            }
        }
        return new Input(method, path, type, out, signed, what);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 20) + "…(" + s.length() + " chars)" : s;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
