package io.metasystem.mlcore.vision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metadata an Ultralytics ONNX export carries in its custom metadata properties (all values are strings):
 * {@code names} a Python dict literal such as {@code {0: 'person', 1: 'bicycle'}}, {@code imgsz} a list such as
 * {@code [640, 640]} (height, width), {@code stride} an integer, {@code task} ({@code detect}, …), {@code license},
 * {@code description}, {@code version} (of Ultralytics) and {@code date}.
 *
 * @param names      class index → name, in index order; never empty
 * @param imgszHeight network input height in pixels
 * @param imgszWidth network input width in pixels
 * @param stride     maximum stride of the model (32 for YOLOv8), or null when absent
 * @param task       Ultralytics task, or null when absent
 * @param license    licence text, or null when absent
 * @param description model description, or null
 * @param ultralyticsVersion Ultralytics version that exported the model, or null
 */
public record YoloMetadata(
        Map<Integer, String> names,
        int imgszHeight,
        int imgszWidth,
        Integer stride,
        String task,
        String license,
        String description,
        String ultralyticsVersion) {
    public YoloMetadata {
        names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
    }

    /**
     * Reads the metadata; {@code imgsz} falls back to the input's fixed size when the property is missing.
     *
     * @param props         the model's custom metadata
     * @param inputHeight   height of the model's input tensor, or ≤ 0 when dynamic
     * @param inputWidth    width of the model's input tensor, or ≤ 0 when dynamic
     * @throws IllegalArgumentException naming the property when one is missing or malformed (message starts with
     *     the property name)
     */
    public static YoloMetadata parse(Map<String, String> props, long inputHeight, long inputWidth) {
        String namesText = props.get("names");
        if (namesText == null) {
            throw new IllegalArgumentException("names: missing from the model's metadata (not an Ultralytics export?)");
        }
        Map<Integer, String> names;
        try {
            names = parseNames(namesText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("names: " + e.getMessage(), e);
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("names: the model names no class");
        }
        int h;
        int w;
        String imgsz = props.get("imgsz");
        if (imgsz != null) {
            List<Integer> size = parseIntList(imgsz);
            if (size.isEmpty() || size.size() > 2 || size.stream().anyMatch(v -> v < 1 || v > 8192)) {
                throw new IllegalArgumentException("imgsz: expected [height, width] in 1..8192, was " + imgsz);
            }
            h = size.get(0);
            w = size.size() == 2 ? size.get(1) : size.get(0);
        } else if (inputHeight > 0 && inputWidth > 0) {
            h = (int) inputHeight;
            w = (int) inputWidth;
        } else {
            throw new IllegalArgumentException("imgsz: missing from the metadata and the input size is dynamic");
        }
        Integer stride = null;
        String strideText = props.get("stride");
        if (strideText != null) {
            try {
                stride = Integer.parseInt(strideText.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("stride: not an integer: " + strideText, e);
            }
        }
        return new YoloMetadata(
                names,
                h,
                w,
                stride,
                blankToNull(props.get("task")),
                blankToNull(props.get("license")),
                blankToNull(props.get("description")),
                blankToNull(props.get("version")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * Parses a Python dict literal of int keys and string values, {@code {0: 'person', 1: "people's"}}; single or
     * double quotes, backslash escapes {@code \\ \' \" \n \t}.
     *
     * @throws IllegalArgumentException at the first character that does not fit, or on a duplicate key
     */
    static Map<Integer, String> parseNames(String text) {
        Cursor c = new Cursor(text);
        c.skip();
        c.expect('{');
        Map<Integer, String> out = new LinkedHashMap<>();
        c.skip();
        if (c.peek() == '}') {
            c.next();
        } else {
            while (true) {
                c.skip();
                int key = c.integer();
                c.skip();
                c.expect(':');
                c.skip();
                String value = c.string();
                if (out.put(key, value) != null) {
                    throw new IllegalArgumentException("duplicate key " + key);
                }
                c.skip();
                char ch = c.next();
                if (ch == '}') {
                    break;
                }
                if (ch != ',') {
                    throw c.error("expected ',' or '}'");
                }
                c.skip();
                if (c.peek() == '}') {
                    c.next();
                    break;
                }
            }
        }
        c.skip();
        if (!c.done()) {
            throw c.error("unexpected text after '}'");
        }
        return out;
    }

    private static List<Integer> parseIntList(String text) {
        String t = text.strip();
        if (t.startsWith("[") || t.startsWith("(")) {
            t = t.substring(1, t.length() - 1);
        }
        List<Integer> out = new ArrayList<>();
        for (String part : t.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                out.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("imgsz: expected a list of integers, was " + text, e);
            }
        }
        return out;
    }

    private static final class Cursor {
        private final String s;
        private int i;

        Cursor(String s) {
            this.s = s;
        }

        boolean done() {
            return i >= s.length();
        }

        char peek() {
            return done() ? '\0' : s.charAt(i);
        }

        char next() {
            if (done()) {
                throw error("unexpected end");
            }
            return s.charAt(i++);
        }

        void skip() {
            while (!done() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        void expect(char ch) {
            if (peek() != ch) {
                throw error("expected '" + ch + "'");
            }
            i++;
        }

        int integer() {
            int start = i;
            if (peek() == '-') {
                i++;
            }
            while (!done() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            try {
                return Integer.parseInt(s.substring(start, i));
            } catch (NumberFormatException e) {
                i = start;
                throw error("expected an integer key");
            }
        }

        String string() {
            char quote = next();
            if (quote != '\'' && quote != '"') {
                i--;
                throw error("expected a quoted string");
            }
            StringBuilder b = new StringBuilder();
            while (true) {
                char ch = next();
                if (ch == quote) {
                    return b.toString();
                }
                if (ch == '\\') {
                    char e = next();
                    b.append(
                            switch (e) {
                                case 'n' -> '\n';
                                case 't' -> '\t';
                                default -> e;
                            });
                } else {
                    b.append(ch);
                }
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at character " + i + " of " + abbreviate(s));
        }

        private static String abbreviate(String s) {
            return s.length() <= 80 ? s : s.substring(0, 77) + "...";
        }
    }
}
