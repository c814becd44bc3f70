package io.metasystem.mlcore.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Text columns stored deflated (V87: {@code webhook_outbox.payload_deflated},
 * {@code recommendation.inputs_summary_deflated}): the UTF-8 bytes of the text in the zlib format (RFC 1950: deflate
 * with a header and an Adler-32 check, {@link Deflater#BEST_COMPRESSION}), readable by any zlib ({@code
 * python3 -c "import zlib,sys; print(zlib.decompress(sys.stdin.buffer.read()).decode())"}).
 *
 * <p>Contract: {@code inflate(deflate(s)).equals(s)} for every well-formed string (JSON text from Jackson is); a lone
 * surrogate comes back as {@code ?}, as it would from a UTF-8 text column. Both methods are pure, thread-safe and map
 * {@code null} to {@code null}. The bytes are a storage format: never change them for existing rows (a future change
 * adds a column or a leading version byte the zlib header cannot start with).
 */
public final class DeflatedText {
    private DeflatedText() {}

    /**
     * @param text nullable
     * @return the deflated UTF-8 bytes of {@code text}, null for null
     */
    public static byte[] deflate(String text) {
        return text == null ? null : deflate(text.getBytes(StandardCharsets.UTF_8), Deflater.BEST_COMPRESSION);
    }

    /**
     * @param deflated nullable: bytes from {@link #deflate}
     * @return the text, null for null
     * @throws IllegalArgumentException when the bytes are truncated or no zlib stream (a corrupt row)
     */
    public static String inflate(byte[] deflated) {
        if (deflated == null) {
            return null;
        }
        return new String(inflate(deflated, 0, deflated.length, "deflated text"), StandardCharsets.UTF_8);
    }

    /**
     * The zlib stream of {@code raw} at a {@link Deflater} level (also the streams inside
     * {@link RecommendationPayload}).
     */
    static byte[] deflate(byte[] raw, int level) {
        Deflater deflater = new Deflater(level);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * The bytes of one zlib stream at {@code bytes[offset, offset + length)}.
     *
     * @param what names the data in the exception's message
     * @throws IllegalArgumentException when the stream is truncated or corrupt ("truncated …", "corrupt …")
     */
    static byte[] inflate(byte[] bytes, int offset, int length, String what) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes, offset, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream(length * 4);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("truncated " + what);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("corrupt " + what, e);
        } finally {
            inflater.end();
        }
    }

    /**
     * The text of a row that has a deflated column (written since V87) and the plain column it replaces (rows written
     * before).
     *
     * @param deflated nullable: the deflated column
     * @param plain    nullable: the text column, read when {@code deflated} is null
     * @return the text, null when both are null
     * @throws IllegalArgumentException when {@code deflated} is corrupt
     */
    public static String of(byte[] deflated, String plain) {
        return deflated != null ? inflate(deflated) : plain;
    }
}
