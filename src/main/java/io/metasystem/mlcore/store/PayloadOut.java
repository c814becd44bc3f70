package io.metasystem.mlcore.store;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What every version of {@link RecommendationPayload}'s writer shares: the structure stream (unsigned LEB128 varints,
 * length-prefixed UTF-8 strings, tagged nullable strings), the stream of full doubles, and the object keys written
 * so far (each key's text once per payload, then its number).
 */
abstract class PayloadOut {
    final DataOutputStream out;
    final DataOutputStream doubles;
    /** Key text to its number (1-based, in order of first use). */
    final Map<String, Integer> keys = new HashMap<>();

    PayloadOut(DataOutputStream out, DataOutputStream doubles) {
        this.out = out;
        this.doubles = doubles;
    }

    /** An unsigned LEB128 varint (7 bits a byte, low bits first). */
    void varint(long value) throws IOException {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    /** A signed value as a varint of {@code (v << 1) ^ (v >> 63)} (zigzag: small magnitudes, few bytes). */
    void zigzag(long v) throws IOException {
        varint((v << 1) ^ (v >> 63));
    }

    /**
     * Tag {@code CENTS} and {@code v} in whole cents when that gives back exactly {@code v} (below 1e13, not -0.0).
     *
     * @return false when {@code v} is no whole number of cents (nothing written)
     */
    boolean cents(double v) throws IOException {
        long cents = Math.round(v * 100);
        if (Math.abs(v) < 1e13 && cents / 100.0 == v && !(v == 0 && 1 / v < 0)) {
            out.write(RecommendationPayload.CENTS);
            zigzag(cents);
            return true;
        }
        return false;
    }

    /** The UTF-8 length as a varint, then the bytes. */
    void string(String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        varint(b.length);
        out.write(b);
    }

    /** Tag {@code NULL}, or tag {@code STRING} and the string. */
    void nullableString(String s) throws IOException {
        if (s == null) {
            out.write(RecommendationPayload.NULL);
        } else {
            out.write(RecommendationPayload.STRING);
            string(s);
        }
    }

    /**
     * An object key: {@code 0} and its text the first time, its number after that.
     *
     * @return the key's number
     */
    int key(String key) throws IOException {
        Integer known = keys.get(key);
        if (known != null) {
            varint(known);
            return known;
        }
        varint(0);
        string(key);
        int number = keys.size() + 1;
        keys.put(key, number);
        return number;
    }
}
