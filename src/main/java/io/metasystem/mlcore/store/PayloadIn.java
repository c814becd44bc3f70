package io.metasystem.mlcore.store;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What every version of {@link RecommendationPayload}'s reader shares, the inverse of {@link PayloadOut}: varints
 * (refused past 64 bits), zigzag-coded signed varints, length-prefixed UTF-8 strings (refused when longer than what
 * is left), tagged nullable strings, the stream of full doubles and the keys read so far.
 */
abstract class PayloadIn {
    final DataInputStream in;
    final ByteBuffer doubles;
    /** Keys in order of first use (key number {@code n} is element {@code n - 1}). */
    final List<String> keys = new ArrayList<>();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    PayloadIn(DataInputStream in, ByteBuffer doubles) {
        this.in = in;
        this.doubles = doubles;
    }

    /** @throws ArithmeticException when the varint does not fit an int */
    int varint() throws IOException {
        return Math.toIntExact(varlong());
    }

    long varlong() throws IOException {
        long value = 0;
        int shift = 0;
        int b;
        do {
            if (shift > 63) {
                throw new IOException("varint too long");
            }
            b = in.readUnsignedByte();
            value |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return value;
    }

    /** A signed value written as {@code (v << 1) ^ (v >> 63)}. */
    long zigzag() throws IOException {
        long v = varlong();
        return (v >>> 1) ^ -(v & 1);
    }

    String string() throws IOException {
        int n = varint();
        if (n > in.available()) {
            throw new IOException("string past the end");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    String nullableString() throws IOException {
        return in.readUnsignedByte() == RecommendationPayload.NULL ? null : string();
    }

    /** The next node, its tag first. */
    abstract JsonNode node() throws IOException;

    /** An array (tag already read): its length, then its items. */
    ArrayNode array() throws IOException {
        int n = varint();
        ArrayNode array = NODES.arrayNode(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            array.add(node());
        }
        return array;
    }

    /** An object (tag already read): its size, then per property the key ({@link PayloadOut#key}) and the node. */
    ObjectNode object() throws IOException {
        int n = varint();
        ObjectNode object = NODES.objectNode();
        for (int i = 0; i < n; i++) {
            int ref = varint();
            String key;
            if (ref == 0) {
                key = string();
                keys.add(key);
            } else if (ref <= keys.size()) {
                key = keys.get(ref - 1);
            } else {
                throw new IOException("bad key reference " + ref);
            }
            object.set(key, node());
        }
        return object;
    }
}
