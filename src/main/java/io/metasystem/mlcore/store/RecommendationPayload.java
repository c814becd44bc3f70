package io.metasystem.mlcore.store;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The stored form of a recommendation's per-ad-set lines and full response (column {@code recommendation.payload},
 * V70): a tagged binary encoding of the JSON tree, deflated. Doubles are kept as their 8 IEEE-754 bytes (or as whole
 * cents when that is exact), object keys once per document, so decoding gives back the same tree (same node types,
 * same key order, same values to the last bit) and the API writes the same JSON text as for the answer itself. About
 * 5–6× smaller than the JSON text and nothing for the database to parse.
 *
 * <p>Format: version byte {@code 1}, length of the first deflate stream (4 bytes, big-endian), the first stream
 * (line count, lines: ad-set id, name, four nullable decimals; then the response tree, every full double as a tag
 * only), then the second stream: those doubles in order, as byte planes. Never change an existing version's
 * meaning; add a version instead.
 */
final class RecommendationPayload {
    private static final int VERSION = 1;
    private static final int NULL = 0;
    private static final int TRUE = 1;
    private static final int FALSE = 2;
    private static final int LONG = 3;
    private static final int DOUBLE = 4;
    private static final int CENTS = 5;
    private static final int STRING = 6;
    private static final int ARRAY = 7;
    private static final int OBJECT = 8;
    private static final int FLOAT = 9;
    private static final int BIG_DECIMAL = 10;
    private static final int BIG_INTEGER = 11;
    private static final int INT = 12;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What a payload holds. */
    record Content(List<Recommendation.RecommendedAdSet> adSets, JsonNode response) {}

    private RecommendationPayload() {}

    /** @param response nullable */
    static byte[] encode(List<Recommendation.RecommendedAdSet> adSets, JsonNode response) {
        ByteArrayOutputStream structure = new ByteArrayOutputStream(16384);
        ByteArrayOutputStream doubles = new ByteArrayOutputStream(16384);
        try (DataOutputStream out = new DataOutputStream(structure);
                DataOutputStream numbers = new DataOutputStream(doubles)) {
            Writer w = new Writer(out, numbers);
            w.varint(adSets.size());
            for (Recommendation.RecommendedAdSet a : adSets) {
                w.string(a.adsetId());
                w.nullableString(a.name());
                w.decimal(a.currentBudget());
                w.decimal(a.recommendedBudget());
                w.decimal(a.expectedConversions());
                w.decimal(a.expectedRevenue());
            }
            w.node(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] first = deflate(structure.toByteArray());
        byte[] second = deflate(shuffle(doubles.toByteArray()));
        ByteBuffer payload = ByteBuffer.allocate(5 + first.length + second.length);
        payload.put((byte) VERSION).putInt(first.length).put(first).put(second);
        return payload.array();
    }

    /** @throws IllegalArgumentException when the bytes are no payload of a known version */
    static Content decode(byte[] payload) {
        if (payload.length < 5 || payload[0] != VERSION) {
            throw new IllegalArgumentException("unknown recommendation payload version");
        }
        int first = ByteBuffer.wrap(payload, 1, 4).getInt();
        byte[] structure = inflate(payload, 5, first);
        ByteBuffer doubles = ByteBuffer.wrap(unshuffle(inflate(payload, 5 + first, payload.length - 5 - first)));
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(structure))) {
            Reader r = new Reader(in, doubles);
            int n = r.varint();
            List<Recommendation.RecommendedAdSet> adSets = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                adSets.add(new Recommendation.RecommendedAdSet(
                        r.string(), r.nullableString(), r.decimal(), r.decimal(), r.decimal(), r.decimal()));
            }
            JsonNode response = r.node();
            return new Content(adSets, response.isNull() ? null : response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 3 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] bytes, int offset, int length) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes, offset, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream(length * 4);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("truncated recommendation payload");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("corrupt recommendation payload", e);
        } finally {
            inflater.end();
        }
    }

    /**
     * Byte planes of the doubles (all first bytes, then all second bytes, …): signs, exponents and leading mantissa
     * bits of similar values line up, which deflate compresses far better than interleaved 8-byte values.
     */
    private static byte[] shuffle(byte[] raw) {
        int n = raw.length / 8;
        byte[] out = new byte[raw.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 8; j++) {
                out[j * n + i] = raw[i * 8 + j];
            }
        }
        return out;
    }

    private static byte[] unshuffle(byte[] planes) {
        int n = planes.length / 8;
        byte[] out = new byte[planes.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 8; j++) {
                out[i * 8 + j] = planes[j * n + i];
            }
        }
        return out;
    }

    private static final class Writer {
        private final DataOutputStream out;
        private final DataOutputStream doubles;
        private final Map<String, Integer> keys = new HashMap<>();

        Writer(DataOutputStream out, DataOutputStream doubles) {
            this.out = out;
            this.doubles = doubles;
        }

        void varint(long value) throws IOException {
            long v = value;
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        void string(String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length);
            out.write(b);
        }

        void nullableString(String s) throws IOException {
            if (s == null) {
                out.write(NULL);
            } else {
                out.write(STRING);
                string(s);
            }
        }

        void decimal(BigDecimal d) throws IOException {
            if (d == null) {
                out.write(NULL);
            } else if (BigDecimal.valueOf(d.doubleValue()).equals(d)) {
                number(d.doubleValue());
            } else {
                out.write(BIG_DECIMAL);
                string(d.toString());
            }
        }

        void number(double v) throws IOException {
            long cents = Math.round(v * 100);
            if (Math.abs(v) < 1e13 && cents / 100.0 == v && !(v == 0 && 1 / v < 0)) {
                out.write(CENTS);
                varint((cents << 1) ^ (cents >> 63));
            } else {
                out.write(DOUBLE);
                doubles.writeDouble(v);
            }
        }

        void node(JsonNode n) throws IOException {
            if (n == null || n.isNull() || n.isMissingNode()) {
                out.write(NULL);
            } else if (n.isBoolean()) {
                out.write(n.booleanValue() ? TRUE : FALSE);
            } else if (n.isInt() || n.isShort()) {
                out.write(INT);
                long v = n.intValue();
                varint((v << 1) ^ (v >> 63));
            } else if (n.isLong()) {
                out.write(LONG);
                long v = n.longValue();
                varint((v << 1) ^ (v >> 63));
            } else if (n.isDouble()) {
                number(n.doubleValue());
            } else if (n.isFloat()) {
                out.write(FLOAT);
                out.writeFloat(n.floatValue());
            } else if (n.isBigDecimal()) {
                out.write(BIG_DECIMAL);
                string(n.decimalValue().toString());
            } else if (n.isBigInteger()) {
                out.write(BIG_INTEGER);
                string(n.bigIntegerValue().toString());
            } else if (n.isArray()) {
                out.write(ARRAY);
                varint(n.size());
                for (JsonNode item : n) {
                    node(item);
                }
            } else if (n.isObject()) {
                out.write(OBJECT);
                varint(n.size());
                for (Map.Entry<String, JsonNode> e : n.properties()) {
                    Integer known = keys.get(e.getKey());
                    if (known == null) {
                        varint(0);
                        string(e.getKey());
                        keys.put(e.getKey(), keys.size() + 1);
                    } else {
                        varint(known);
                    }
                    node(e.getValue());
                }
            } else {
                // strings, and anything else as the text the JSON writer would give it
                out.write(STRING);
                string(n.isString() ? n.stringValue() : n.asString());
            }
        }
    }

    private static final class Reader {
        private final DataInputStream in;
        private final ByteBuffer doubles;
        private final List<String> keys = new ArrayList<>();

        Reader(DataInputStream in, ByteBuffer doubles) {
            this.in = in;
            this.doubles = doubles;
        }

        int varint() throws IOException {
            return Math.toIntExact(varlong());
        }

        long varlong() throws IOException {
            long value = 0;
            int shift = 0;
            int b;
            do {
                b = in.readUnsignedByte();
                value |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            return value;
        }

        long zigzag() throws IOException {
            long v = varlong();
            return (v >>> 1) ^ -(v & 1);
        }

        String string() throws IOException {
            byte[] b = new byte[varint()];
            in.readFully(b);
            return new String(b, StandardCharsets.UTF_8);
        }

        String nullableString() throws IOException {
            return in.readUnsignedByte() == NULL ? null : string();
        }

        BigDecimal decimal() throws IOException {
            int tag = in.readUnsignedByte();
            return switch (tag) {
                case NULL -> null;
                case CENTS -> BigDecimal.valueOf(zigzag() / 100.0);
                case DOUBLE -> BigDecimal.valueOf(doubles.getDouble());
                case BIG_DECIMAL -> new BigDecimal(string());
                default -> throw new IOException("bad decimal tag " + tag);
            };
        }

        JsonNode node() throws IOException {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case NULL:
                    return NODES.nullNode();
                case TRUE:
                    return NODES.booleanNode(true);
                case FALSE:
                    return NODES.booleanNode(false);
                case INT:
                    return NODES.numberNode((int) zigzag());
                case LONG:
                    return NODES.numberNode(zigzag());
                case CENTS:
                    return NODES.numberNode(zigzag() / 100.0);
                case DOUBLE:
                    return NODES.numberNode(doubles.getDouble());
                case FLOAT:
                    return NODES.numberNode(in.readFloat());
                case BIG_DECIMAL:
                    return NODES.numberNode(new BigDecimal(string()));
                case BIG_INTEGER:
                    return NODES.numberNode(new BigInteger(string()));
                case STRING:
                    return NODES.stringNode(string());
                case ARRAY: {
                    int n = varint();
                    ArrayNode array = NODES.arrayNode(n);
                    for (int i = 0; i < n; i++) {
                        array.add(node());
                    }
                    return array;
                }
                case OBJECT: {
                    int n = varint();
                    ObjectNode object = NODES.objectNode();
                    for (int i = 0; i < n; i++) {
                        int ref = varint();
                        String key;
                        if (ref == 0) {
                            key = string();
                            keys.add(key);
                        } else {
                            key = keys.get(ref - 1);
                        }
                        object.set(key, node());
                    }
                    return object;
                }
                default:
                    throw new IOException("bad node tag " + tag);
            }
        }
    }
}
