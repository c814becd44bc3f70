package io.metasystem.mlcore.vision;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.errors.ProblemException;
import io.metasystem.mlcore.errors.ProblemKind;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads an uploaded zip into memory without trusting it: entry names must be relative paths without {@code ..}
 * segments, drive letters, back-slashes or control characters (400); the number of entries, the bytes they expand
 * to (counted while inflating, never from the headers, which may lie) and the expansion ratio of large entries are
 * bounded (413). Nothing is written to disk; directories are skipped.
 */
public final class SafeZip {
    /** Entries smaller than this are not checked for their ratio (tiny files compress well legitimately). */
    static final long RATIO_FLOOR = 1 << 20;

    private SafeZip() {}

    /**
     * Limits of one read.
     *
     * @param maxEntries most file entries
     * @param maxBytes   most bytes all entries together expand to
     * @param maxRatio   largest uncompressed / compressed ratio of an entry that expands past {@link #RATIO_FLOOR}
     */
    public record Limits(int maxEntries, long maxBytes, int maxRatio) {}

    /**
     * @param zip   the archive's bytes
     * @param field the request part, named in errors
     * @return entry name → content, in archive order
     * @throws InvalidInputException (400) for a corrupt archive, an unsafe or duplicate entry name, or no file entry
     * @throws ProblemException 413 over a limit
     */
    public static Map<String, byte[]> read(byte[] zip, String field, Limits limits) {
        if (zip == null || zip.length == 0) {
            throw new InvalidInputException(field, "is empty");
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (CountingInput counted = new CountingInput(zip);
                ZipInputStream in = new ZipInputStream(counted)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName();
                check(name, field);
                if (entry.isDirectory()) {
                    continue;
                }
                if (out.size() >= limits.maxEntries()) {
                    throw tooLarge(
                            field,
                            "the zip has more than " + limits.maxEntries() + " files (VISION_ZIP_MAX_ENTRIES)",
                            Map.of("max_entries", limits.maxEntries()));
                }
                if (out.containsKey(name)) {
                    throw new InvalidInputException(field, "the zip holds '" + name + "' twice");
                }
                long compressedStart = counted.position();
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > limits.maxBytes()) {
                        throw tooLarge(
                                field,
                                "the zip expands to more than " + limits.maxBytes() + " bytes (VISION_ZIP_MAX_SIZE)",
                                Map.of("max_bytes", limits.maxBytes()));
                    }
                    content.write(buffer, 0, n);
                    long compressed = Math.max(1, counted.position() - compressedStart);
                    if (content.size() > RATIO_FLOOR && content.size() / compressed > limits.maxRatio()) {
                        throw tooLarge(
                                field,
                                "'" + name + "' expands more than " + limits.maxRatio()
                                        + " times (a zip bomb? VISION_ZIP_MAX_RATIO)",
                                Map.of("max_ratio", limits.maxRatio()));
                    }
                }
                out.put(name, content.toByteArray());
            }
        } catch (ZipException e) {
            throw new InvalidInputException(field, "is not a valid zip archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new InvalidInputException(field, "could not be read as a zip archive");
        } catch (IllegalArgumentException e) {
            // malformed entry names (not UTF-8)
            throw new InvalidInputException(field, "has an entry name that is not UTF-8");
        }
        if (out.isEmpty()) {
            throw new InvalidInputException(field, "is not a zip archive or holds no files");
        }
        return out;
    }

    /** Refuses names that could escape a folder if the entries were ever written out. */
    static void check(String name, String field) {
        boolean unsafe = name.isEmpty()
                || name.startsWith("/")
                || name.contains("\\")
                || name.contains(":")
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                unsafe = true;
            }
        }
        if (unsafe) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    field,
                    "unsafe entry name '" + printable(name)
                            + "': entries must be relative paths without '..', '\\' or ':'")));
        }
    }

    private static String printable(String name) {
        String s = name.replaceAll("\\p{Cntrl}", "?");
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static ProblemException tooLarge(String field, String detail, Map<String, Object> properties) {
        return new ProblemException(
                ProblemKind.TOO_LARGE, null, detail, List.of(new FieldProblem(field, detail)), properties, null);
    }

    /** Counts the compressed bytes the inflater consumed. */
    private static final class CountingInput extends ByteArrayInputStream {
        CountingInput(byte[] bytes) {
            super(bytes);
        }

        long position() {
            return pos;
        }
    }
}
