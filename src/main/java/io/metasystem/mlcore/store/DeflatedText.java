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
        if (text == null) {
            return null;
        }
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
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
     * @param deflated nullable: bytes from {@link #deflate}
     * @return the text, null for null
     * @throws IllegalArgumentException when the bytes are truncated or no zlib stream (a corrupt row)
     */
    public static String inflate(byte[] deflated) {
        if (deflated == null) {
            return null;
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.length * 6);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("truncated deflated text");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("corrupt deflated text", e);
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
