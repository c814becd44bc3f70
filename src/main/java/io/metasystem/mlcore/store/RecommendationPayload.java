package io.metasystem.mlcore.store;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * The stored form of a recommendation's per-ad-set lines and full response (column {@code recommendation.payload},
 * V70): a tagged binary encoding of the JSON tree, deflated. Doubles are kept as their 8 IEEE-754 bytes (or as whole
 * cents when that is exact), object keys once per document, so decoding gives back the same tree (same node types,
 * same key order, same values to the last bit) and the API writes the same JSON text as for the answer itself. About
 * 5–6× smaller than the JSON text and nothing for the database to parse.
 *
 * <p>Version 1 (written until V87, still read): {@link RecommendationPayloadVersion1}.
 *
 * <p>Version 2 (written since V87): version byte {@code 2}, length of the first deflate stream (varint), the first
 * stream (the response tree first, then the lines), the second stream (the full doubles as byte planes), both deflated
 * at {@link Deflater#BEST_COMPRESSION}. Two differences in what the first stream holds:
 * <ul>
 *   <li>Derived doubles: every number of the tree and of the lines (int, cents or double) takes the next value slot.
 *       A double that an operation on two of the last {@value #WINDOW} slots (sum, difference, product, quotient, or a
 *       copy of one) gives back with exactly the same bits ({@link Double#doubleToRawLongBits}) is stored as that
 *       operation: tag {@code OP}, operation code, slot distances back. A budget change, a share, a CPA of budget and
 *       conversions, a rate of shape and rate… cost about four highly repetitive bytes instead of eight random ones.
 *       Checked when encoding, so decoding computes the identical double.</li>
 *   <li>Numbers in strings: a decimal number in a string ({@code "CPA 2.63 EUR (90 % CI 2.50–2.78) at 170.93
 *       EUR/day"}) that is one of the last {@value #STRING_WINDOW} slots rounded half-up to its decimals
 *       ({@link #rounded}, exact {@link BigDecimal} arithmetic, the same on every JDK) is stored as a reference to
 *       that slot (tag {@code TEMPLATE}); every other character stays text.</li>
 *   <li>Lines that repeat the tree: a line whose ad set is an object of the tree's {@code adsets} array (by its
 *       {@code id}) is a flag byte, that object's index and only the fields that differ from it ({@code name},
 *       {@code current_budget}, {@code recommended_budget}, {@code expected_conversions}, {@code expected_revenue};
 *       a decimal counts as the same when it equals {@code BigDecimal.valueOf} of the tree's double).</li>
 * </ul>
 * Never change an existing version's meaning; add a version instead ({@code RecommendationPayloadTest} decodes a
 * committed version-1 payload).
 */
final class RecommendationPayload {
    static final int VERSION = 1;
    private static final int VERSION_2 = 2;
    static final int NULL = 0;
    static final int TRUE = 1;
    static final int FALSE = 2;
    static final int LONG = 3;
    static final int DOUBLE = 4;
    static final int CENTS = 5;
    static final int STRING = 6;
    static final int ARRAY = 7;
    static final int OBJECT = 8;
    static final int FLOAT = 9;
    static final int BIG_DECIMAL = 10;
    static final int BIG_INTEGER = 11;
    static final int INT = 12;
    /** Version 2: a double derived from earlier value slots. */
    private static final int OP = 13;
    /** Version 2: a string whose decimal numbers are earlier value slots, rounded. */
    private static final int TEMPLATE = 14;

    private static final int COPY = 0;
    private static final int ADD = 1;
    private static final int SUBTRACT = 2;
    private static final int MULTIPLY = 3;
    private static final int DIVIDE = 4;
    /** How many value slots back an operation may look. */
    static final int WINDOW = 16;
    /** How many value slots back a number in a string may refer to. */
    static final int STRING_WINDOW = 32;
    /** Most decimals of a number in a string that may refer to a slot. */
    private static final int MAX_DECIMALS = 15;
    /** Searches for an operation per key that find none before the key is no longer searched. */
    private static final int MISSES_BEFORE_GIVING_UP = 3;

    private static final int SAME_ID = 1;
    private static final int SAME_NAME = 2;
    private static final int SAME_CURRENT = 4;
    private static final int SAME_RECOMMENDED = 8;
    private static final int SAME_CONVERSIONS = 16;
    private static final int SAME_REVENUE = 32;
    private static final String[] LINE_KEYS = {
        "current_budget", "recommended_budget", "expected_conversions", "expected_revenue"
    };
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What a payload holds. */
    record Content(List<Recommendation.RecommendedAdSet> adSets, JsonNode response) {}

    private RecommendationPayload() {}

    /**
     * The current version (2) of a payload.
     *
     * @param adSets   the lines, not null
     * @param response nullable
     */
    static byte[] encode(List<Recommendation.RecommendedAdSet> adSets, JsonNode response) {
        ByteArrayOutputStream structure = new ByteArrayOutputStream(16384);
        ByteArrayOutputStream doubles = new ByteArrayOutputStream(16384);
        try (DataOutputStream out = new DataOutputStream(structure);
                DataOutputStream numbers = new DataOutputStream(doubles)) {
            Writer2 w = new Writer2(out, numbers);
            w.node(response, 0);
            w.lines(adSets, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] first = deflate(structure.toByteArray(), Deflater.BEST_COMPRESSION);
        byte[] second = deflate(shuffle(doubles.toByteArray()), Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream payload = new ByteArrayOutputStream(6 + first.length + second.length);
        payload.write(VERSION_2);
        long length = first.length;
        while ((length & ~0x7FL) != 0) {
            payload.write((int) ((length & 0x7F) | 0x80));
            length >>>= 7;
        }
        payload.write((int) length);
        payload.writeBytes(first);
        payload.writeBytes(second);
        return payload.toByteArray();
    }

    /**
     * A version-1 payload, as written before V87: for tests and benchmarks that compare the versions.
     *
     * @param response nullable
     */
    static byte[] encodeVersion1(List<Recommendation.RecommendedAdSet> adSets, JsonNode response) {
        return RecommendationPayloadVersion1.encode(adSets, response);
    }

    /**
     * Decodes a payload of any version written so far (1 or 2).
     *
     * @throws IllegalArgumentException when the bytes are no payload of a known version, or a truncated or corrupt one
     */
    static Content decode(byte[] payload) {
        if (payload.length >= 2 && payload[0] == VERSION_2) {
            return decodeVersion2(payload);
        }
        if (payload.length < 5 || payload[0] != VERSION) {
            throw new IllegalArgumentException("unknown recommendation payload version");
        }
        return RecommendationPayloadVersion1.decode(payload);
    }

    private static Content decodeVersion2(byte[] payload) {
        int offset = 1;
        long length = 0;
        for (int shift = 0; ; shift += 7) {
            if (offset >= payload.length || shift > 28) {
                throw new IllegalArgumentException("truncated recommendation payload");
            }
            int b = payload[offset++] & 0xFF;
            length |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        if (length > payload.length - offset) {
            throw new IllegalArgumentException("truncated recommendation payload");
        }
        int first = (int) length;
        byte[] structure = inflate(payload, offset, first);
        ByteBuffer doubles =
                ByteBuffer.wrap(unshuffle(inflate(payload, offset + first, payload.length - offset - first)));
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(structure))) {
            Reader2 r = new Reader2(in, doubles);
            JsonNode response = r.node();
            List<Recommendation.RecommendedAdSet> adSets = r.lines(response);
            return new Content(adSets, response.isNull() ? null : response);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("corrupt recommendation payload", e);
        }
    }

    static byte[] deflate(byte[] raw, int level) {
        return DeflatedText.deflate(raw, level);
    }

    static byte[] inflate(byte[] bytes, int offset, int length) {
        return DeflatedText.inflate(bytes, offset, length, "recommendation payload");
    }

    /**
     * Byte planes of the doubles (all first bytes, then all second bytes, …): signs, exponents and leading mantissa
     * bits of similar values line up, which deflate compresses far better than interleaved 8-byte values.
     */
    static byte[] shuffle(byte[] raw) {
        int n = raw.length / 8;
        byte[] out = new byte[raw.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 8; j++) {
                out[j * n + i] = raw[i * 8 + j];
            }
        }
        return out;
    }

    static byte[] unshuffle(byte[] planes) {
        int n = planes.length / 8;
        byte[] out = new byte[planes.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 8; j++) {
                out[i * 8 + j] = planes[j * n + i];
            }
        }
        return out;
    }

    /** The tree's {@code adsets} array, or null when the tree has none. */
    private static JsonNode adSetsOf(JsonNode response) {
        if (response == null || !response.isObject()) {
            return null;
        }
        JsonNode adSets = response.get("adsets");
        return adSets != null && adSets.isArray() ? adSets : null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * {@code v} (finite, not negative) rounded half-up to {@code decimals} places from its exact binary value, as plain
     * text: defined by {@link BigDecimal} alone, so every JDK gives the same text for the same double.
     */
    static String rounded(double v, int decimals) {
        if (v >= 0 && decimals <= MAX_DECIMALS) {
            // fast path, same result: below 1e12 the product is within 1.2e-4 of the exact one, so away from a tie
            // (the fraction more than 1e-3 from one half) it rounds to the same integer as the exact value
            double scaled = v * POWERS_OF_TEN[decimals];
            double fraction = scaled - Math.floor(scaled);
            if (scaled < 1e12 && Math.abs(fraction - 0.5) > 1e-3) {
                String digits = Long.toString(Math.round(scaled));
                if (decimals == 0) {
                    return digits;
                }
                StringBuilder text = new StringBuilder(decimals + 2 + digits.length());
                for (int pad = digits.length(); pad <= decimals; pad++) {
                    text.append('0');
                }
                text.append(digits);
                return text.insert(text.length() - decimals, '.').toString();
            }
        }
        return exactlyRounded(v, decimals);
    }

    /** {@link #rounded} by {@link BigDecimal} alone: its definition. */
    static String exactlyRounded(double v, int decimals) {
        return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    private static final double[] POWERS_OF_TEN = new double[MAX_DECIMALS + 1];

    static {
        double power = 1;
        for (int i = 0; i <= MAX_DECIMALS; i++) {
            POWERS_OF_TEN[i] = power; // exact up to 1e22
            power *= 10;
        }
    }

    private static double apply(int op, double a, double b) {
        return switch (op) {
            case COPY -> a;
            case ADD -> a + b;
            case SUBTRACT -> a - b;
            case MULTIPLY -> a * b;
            case DIVIDE -> a / b;
            default -> throw new IllegalArgumentException("bad operation " + op);
        };
    }

    /** A found derivation: operation and distances back (1 = the previous slot). */
    private record Derivation(int op, int first, int second) {}

    /** Value slots: every number written or read so far, in order. */
    private static final class Slots {
        private double[] values = new double[256];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        /** @throws IllegalArgumentException when {@code distance} is not 1..size */
        double back(int distance) {
            if (distance < 1 || distance > size) {
                throw new IllegalArgumentException("bad slot distance " + distance);
            }
            return values[size - distance];
        }

        int size() {
            return size;
        }
    }

    private static final class Writer2 extends PayloadOut {
        private final Slots slots = new Slots();
        /** Per key id: the derivation that last worked for it. */
        private final Map<Integer, Derivation> lastDerivation = new HashMap<>();
        /** Per key id: searches that found something, searches that found nothing. */
        private final Map<Integer, int[]> searches = new HashMap<>();

        Writer2(DataOutputStream out, DataOutputStream doubles) {
            super(out, doubles);
        }

        void decimal(BigDecimal d) throws IOException {
            if (d == null) {
                out.write(NULL);
            } else if (BigDecimal.valueOf(d.doubleValue()).equals(d)) {
                number(d.doubleValue(), 0);
            } else {
                out.write(BIG_DECIMAL);
                string(d.toString());
            }
        }

        /** @param key id of the object key the number is under (0: none); derivations are remembered per key */
        void number(double v, int key) throws IOException {
            if (!cents(v)) {
                Derivation d = derive(v, key);
                if (d == null) {
                    out.write(DOUBLE);
                    doubles.writeDouble(v);
                } else {
                    out.write(OP);
                    out.write(d.op());
                    varint(d.first());
                    if (d.op() != COPY) {
                        varint(d.second());
                    }
                }
            }
            slots.add(v);
        }

        private boolean gives(Derivation d, long bits) {
            int available = slots.size();
            if (d.first() > available || (d.op() != COPY && d.second() > available)) {
                return false;
            }
            double a = slots.back(d.first());
            double b = d.op() == COPY ? 0 : slots.back(d.second());
            return Double.doubleToRawLongBits(apply(d.op(), a, b)) == bits;
        }

        /** An operation on the last {@link #WINDOW} slots giving exactly {@code v}, or null. */
        private Derivation derive(double v, int key) {
            long bits = Double.doubleToRawLongBits(v);
            Derivation last = lastDerivation.get(key);
            if (last != null && gives(last, bits)) {
                return last;
            }
            int[] tally = searches.computeIfAbsent(key, k -> new int[2]);
            if (tally[0] == 0 && tally[1] >= MISSES_BEFORE_GIVING_UP) {
                return null;
            }
            Derivation found = search(bits);
            if (found == null) {
                tally[1]++;
            } else {
                tally[0]++;
                lastDerivation.put(key, found);
            }
            return found;
        }

        private Derivation search(long bits) {
            int window = Math.min(WINDOW, slots.size());
            for (int i = 1; i <= window; i++) {
                if (Double.doubleToRawLongBits(slots.back(i)) == bits) {
                    return new Derivation(COPY, i, 0);
                }
            }
            for (int i = 1; i <= window; i++) {
                double a = slots.back(i);
                for (int j = 1; j <= window; j++) {
                    double b = slots.back(j);
                    if (j >= i) {
                        if (Double.doubleToRawLongBits(a + b) == bits) {
                            return new Derivation(ADD, i, j);
                        }
                        if (Double.doubleToRawLongBits(a * b) == bits) {
                            return new Derivation(MULTIPLY, i, j);
                        }
                    }
                    if (Double.doubleToRawLongBits(a - b) == bits) {
                        return new Derivation(SUBTRACT, i, j);
                    }
                    if (Double.doubleToRawLongBits(a / b) == bits) {
                        return new Derivation(DIVIDE, i, j);
                    }
                }
            }
            return null;
        }

        void node(JsonNode n, int key) throws IOException {
            if (n == null || n.isNull() || n.isMissingNode()) {
                out.write(NULL);
            } else if (n.isBoolean()) {
                out.write(n.booleanValue() ? TRUE : FALSE);
            } else if (n.isInt() || n.isShort()) {
                out.write(INT);
                long v = n.intValue();
                zigzag(v);
                slots.add(v);
            } else if (n.isLong()) {
                out.write(LONG);
                zigzag(n.longValue());
            } else if (n.isDouble()) {
                number(n.doubleValue(), key);
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
                    node(item, key);
                }
            } else if (n.isObject()) {
                out.write(OBJECT);
                varint(n.size());
                for (Map.Entry<String, JsonNode> e : n.properties()) {
                    node(e.getValue(), key(e.getKey()));
                }
            } else {
                // strings, and anything else as the text the JSON writer would give it
                text(n.isString() ? n.stringValue() : n.asString());
            }
        }

        /**
         * A string: tag STRING and the text, or tag TEMPLATE when decimal numbers in it are recent slots rounded
         * ({@link #rounded}): count of numbers, then per number the text before it and its reference (slot distance
         * - 1, times 16, plus the decimals), then the rest of the text.
         */
        void text(String s) throws IOException {
            List<int[]> numbers = null;
            int length = s.length();
            for (int i = 0; i < length; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9' || (i > 0 && (isDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '.'))) {
                    continue;
                }
                int end = i;
                long digits = 0;
                while (end < length && isDigit(s.charAt(end)) && end - i < 18) {
                    digits = digits * 10 + (s.charAt(end) - '0');
                    end++;
                }
                int decimals = 0;
                if (end + 1 < length && s.charAt(end) == '.' && isDigit(s.charAt(end + 1))) {
                    int point = end++;
                    while (end < length && isDigit(s.charAt(end)) && end - i < 18) {
                        digits = digits * 10 + (s.charAt(end) - '0');
                        end++;
                    }
                    decimals = end - point - 1;
                }
                if (end < length && (isDigit(s.charAt(end)) || s.charAt(end) == '.') || decimals > MAX_DECIMALS) {
                    i = end;
                    continue; // too long, or a number followed by more digits or a point: left as text
                }
                int distance = reference(s.substring(i, end), digits, decimals);
                if (distance > 0) {
                    if (numbers == null) {
                        numbers = new ArrayList<>();
                    }
                    numbers.add(new int[] {i, end, ((distance - 1) << 4) | decimals});
                }
                i = end - 1;
            }
            if (numbers == null) {
                out.write(STRING);
                string(s);
                return;
            }
            out.write(TEMPLATE);
            varint(numbers.size());
            int from = 0;
            for (int[] number : numbers) {
                string(s.substring(from, number[0]));
                varint(number[2]);
                from = number[1];
            }
            string(s.substring(from));
        }

        /** The distance of a recent slot that {@link #rounded} gives {@code token} exactly, or 0. */
        private int reference(String token, long digits, int decimals) {
            double approximate = digits / Math.pow(10, decimals);
            double half = 0.5000001 / Math.pow(10, decimals) + Math.ulp(approximate);
            int window = Math.min(STRING_WINDOW, slots.size());
            for (int d = 1; d <= window; d++) {
                double v = slots.back(d);
                if (v >= 0 && Math.abs(v - approximate) <= half && token.equals(rounded(v, decimals))) {
                    return d;
                }
            }
            return 0;
        }

        void lines(List<Recommendation.RecommendedAdSet> lines, JsonNode response) throws IOException {
            JsonNode tree = adSetsOf(response);
            Map<String, Integer> byId = new HashMap<>();
            if (tree != null) {
                for (int i = 0; i < tree.size(); i++) {
                    JsonNode id = tree.get(i).get("id");
                    if (id != null && id.isString()) {
                        byId.putIfAbsent(id.stringValue(), i);
                    }
                }
            }
            varint(lines.size());
            for (Recommendation.RecommendedAdSet line : lines) {
                Integer index = byId.get(line.adsetId());
                JsonNode same = index == null ? null : tree.get(index);
                BigDecimal[] values = {
                    line.currentBudget(), line.recommendedBudget(), line.expectedConversions(), line.expectedRevenue()
                };
                int flags = 0;
                if (same != null) {
                    flags |= SAME_ID;
                    JsonNode name = same.get("name");
                    if (line.name() != null
                            && name != null
                            && name.isString()
                            && name.stringValue().equals(line.name())) {
                        flags |= SAME_NAME;
                    }
                    for (int f = 0; f < LINE_KEYS.length; f++) {
                        JsonNode v = same.get(LINE_KEYS[f]);
                        if (values[f] != null
                                && v != null
                                && v.isDouble()
                                && Double.isFinite(v.doubleValue())
                                && BigDecimal.valueOf(v.doubleValue()).equals(values[f])) {
                            flags |= SAME_CURRENT << f;
                        }
                    }
                }
                out.write(flags);
                if (same != null) {
                    varint(index);
                } else {
                    string(line.adsetId());
                }
                if ((flags & SAME_NAME) == 0) {
                    nullableString(line.name());
                }
                for (int f = 0; f < LINE_KEYS.length; f++) {
                    if ((flags & (SAME_CURRENT << f)) == 0) {
                        decimal(values[f]);
                    }
                }
            }
        }
    }

    private static final class Reader2 extends PayloadIn {
        private final Slots slots = new Slots();

        Reader2(DataInputStream in, ByteBuffer doubles) {
            super(in, doubles);
        }

        /** The number of tag CENTS, DOUBLE or OP (already read), taking its slot. */
        double number(int tag) throws IOException {
            double v;
            if (tag == CENTS) {
                v = zigzag() / 100.0;
            } else if (tag == DOUBLE) {
                v = doubles.getDouble();
            } else {
                int op = in.readUnsignedByte();
                double a = slots.back(varint());
                double b = op == COPY ? 0 : slots.back(varint());
                v = apply(op, a, b);
            }
            slots.add(v);
            return v;
        }

        BigDecimal decimal() throws IOException {
            int tag = in.readUnsignedByte();
            return switch (tag) {
                case NULL -> null;
                case CENTS, DOUBLE, OP -> BigDecimal.valueOf(number(tag));
                case BIG_DECIMAL -> new BigDecimal(string());
                default -> throw new IOException("bad decimal tag " + tag);
            };
        }

        @Override
        JsonNode node() throws IOException {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case NULL:
                    return NODES.nullNode();
                case TRUE:
                    return NODES.booleanNode(true);
                case FALSE:
                    return NODES.booleanNode(false);
                case INT: {
                    int v = (int) zigzag();
                    slots.add(v);
                    return NODES.numberNode(v);
                }
                case LONG:
                    return NODES.numberNode(zigzag());
                case CENTS:
                case DOUBLE:
                case OP:
                    return NODES.numberNode(number(tag));
                case FLOAT:
                    return NODES.numberNode(in.readFloat());
                case BIG_DECIMAL:
                    return NODES.numberNode(new BigDecimal(string()));
                case BIG_INTEGER:
                    return NODES.numberNode(new BigInteger(string()));
                case STRING:
                    return NODES.stringNode(string());
                case TEMPLATE: {
                    int n = varint();
                    StringBuilder text = new StringBuilder();
                    for (int i = 0; i < n; i++) {
                        text.append(string());
                        int ref = varint();
                        double v = slots.back((ref >>> 4) + 1);
                        if (!(v >= 0) || Double.isInfinite(v)) {
                            throw new IOException("bad number reference in a string");
                        }
                        text.append(rounded(v, ref & 0xF));
                    }
                    return NODES.stringNode(text.append(string()).toString());
                }
                case ARRAY:
                    return array();
                case OBJECT:
                    return object();
                default:
                    throw new IOException("bad node tag " + tag);
            }
        }

        List<Recommendation.RecommendedAdSet> lines(JsonNode response) throws IOException {
            JsonNode tree = adSetsOf(response.isNull() ? null : response);
            int n = varint();
            List<Recommendation.RecommendedAdSet> lines = new ArrayList<>(Math.min(n, 100_000));
            for (int i = 0; i < n; i++) {
                int flags = in.readUnsignedByte();
                JsonNode same = null;
                String id;
                if ((flags & SAME_ID) != 0) {
                    if (tree == null) {
                        throw new IOException("line refers to a tree without adsets");
                    }
                    same = tree.get(varint());
                    if (same == null) {
                        throw new IOException("line refers to a missing ad set");
                    }
                    id = same.get("id").stringValue();
                } else {
                    id = string();
                }
                String name = (flags & SAME_NAME) != 0 ? same.get("name").stringValue() : nullableString();
                BigDecimal[] values = new BigDecimal[LINE_KEYS.length];
                for (int f = 0; f < LINE_KEYS.length; f++) {
                    values[f] = (flags & (SAME_CURRENT << f)) != 0
                            ? BigDecimal.valueOf(same.get(LINE_KEYS[f]).doubleValue())
                            : decimal();
                }
                lines.add(new Recommendation.RecommendedAdSet(id, name, values[0], values[1], values[2], values[3]));
            }
            return lines;
        }
    }
}
