package io.metasystem.mlcore.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zip archives built in tests. */
public final class Zips {
    private Zips() {}

    /** @param nameBytes entry name, content, entry name, content, … (a name ending in {@code /} is a folder) */
    public static byte[] of(Object... nameBytes) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < nameBytes.length; i += 2) {
                z.putNextEntry(new ZipEntry((String) nameBytes[i]));
                z.write((byte[]) nameBytes[i + 1]);
                z.closeEntry();
            }
            z.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
