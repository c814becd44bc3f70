package io.metasystem.mlcore.store;

import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

import static io.metasystem.mlcore.store.RecommendationPayload.ARRAY;
import static io.metasystem.mlcore.store.RecommendationPayload.BIG_DECIMAL;
import static io.metasystem.mlcore.store.RecommendationPayload.BIG_INTEGER;
import static io.metasystem.mlcore.store.RecommendationPayload.CENTS;
import static io.metasystem.mlcore.store.RecommendationPayload.DOUBLE;
import static io.metasystem.mlcore.store.RecommendationPayload.FALSE;
import static io.metasystem.mlcore.store.RecommendationPayload.FLOAT;
import static io.metasystem.mlcore.store.RecommendationPayload.INT;
import static io.metasystem.mlcore.store.RecommendationPayload.LONG;
import static io.metasystem.mlcore.store.RecommendationPayload.NODES;
import static io.metasystem.mlcore.store.RecommendationPayload.NULL;
import static io.metasystem.mlcore.store.RecommendationPayload.OBJECT;
import static io.metasystem.mlcore.store.RecommendationPayload.STRING;
import static io.metasystem.mlcore.store.RecommendationPayload.TRUE;
import static io.metasystem.mlcore.store.RecommendationPayload.VERSION;
import static io.metasystem.mlcore.store.RecommendationPayload.deflate;
import static io.metasystem.mlcore.store.RecommendationPayload.inflate;
import static io.metasystem.mlcore.store.RecommendationPayload.shuffle;
import static io.metasystem.mlcore.store.RecommendationPayload.unshuffle;

/**
 * Version 1 of {@link RecommendationPayload} (written until V87, read for the rows written then; its format is
 * frozen): version byte {@code 1}, length of the first deflate stream (4 bytes, big-endian), the first stream (line
 * count, lines: ad-set id, name, four nullable decimals; then the response tree, every full double as a tag only),
 * then the second stream: those doubles in order, as byte planes.
 */
final class RecommendationPayloadVersion1 {
    private RecommendationPayloadVersion1() {}

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
        byte[] first = deflate(structure.toByteArray(), Deflater.DEFAULT_COMPRESSION);
        byte[] second = deflate(shuffle(doubles.toByteArray()), Deflater.DEFAULT_COMPRESSION);
        ByteBuffer payload = ByteBuffer.allocate(5 + first.length + second.length);
        payload.put((byte) VERSION).putInt(first.length).put(first).put(second);
        return payload.array();
    }

    /** @throws IllegalArgumentException when the bytes are a truncated or corrupt version-1 payload */
    static RecommendationPayload.Content decode(byte[] payload) {
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
            return new RecommendationPayload.Content(adSets, response.isNull() ? null : response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Writer extends PayloadOut {
        Writer(DataOutputStream out, DataOutputStream doubles) {
            super(out, doubles);
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
            if (!cents(v)) {
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
                zigzag(n.intValue());
            } else if (n.isLong()) {
                out.write(LONG);
                zigzag(n.longValue());
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
                    key(e.getKey());
                    node(e.getValue());
                }
            } else {
                // strings, and anything else as the text the JSON writer would give it
                out.write(STRING);
                string(n.isString() ? n.stringValue() : n.asString());
            }
        }
    }

    private static final class Reader extends PayloadIn {
        Reader(DataInputStream in, ByteBuffer doubles) {
            super(in, doubles);
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
                case ARRAY:
                    return array();
                case OBJECT:
                    return object();
                default:
                    throw new IOException("bad node tag " + tag);
            }
        }
    }
}
