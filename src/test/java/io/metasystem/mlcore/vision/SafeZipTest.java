package io.metasystem.mlcore.vision;

import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.errors.ProblemException;
import io.metasystem.mlcore.errors.ProblemKind;
import io.metasystem.mlcore.testing.Zips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafeZipTest {
    private static final SafeZip.Limits LIMITS = new SafeZip.Limits(3, 8 << 20, 100);

    static byte[] zip(Object... nameBytes) {
        return Zips.of(nameBytes);
    }

    @Test
    void readsFilesInArchiveOrderAndSkipsDirectories() {
        byte[] random = new byte[3 << 20];
        new Random(7).nextBytes(random);
        Map<String, byte[]> files = SafeZip.read(
                zip("dir/", new byte[0], "dir/a.png", "a".getBytes(StandardCharsets.UTF_8), "b.jpg", random),
                "images",
                LIMITS);
        assertThat(files.keySet()).containsExactly("dir/a.png", "b.jpg");
        assertThat(files.get("b.jpg")).isEqualTo(random);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../a.png", "dir/../../a.png", "/etc/passwd", "c:/a.png", "dir\\a.png", "a\u0000.png"})
    void unsafeNamesAre400NamingThePart(String name) {
        assertThatThrownBy(() -> SafeZip.read(zip(name, new byte[] {1}), "images", LIMITS))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("images"));
    }

    @Test
    void moreEntriesThanTheLimitAre413() {
        byte[] four = zip("a", new byte[1], "b", new byte[1], "c", new byte[1], "d", new byte[1]);
        assertThatThrownBy(() -> SafeZip.read(four, "images", LIMITS))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.TOO_LARGE));
    }

    @Test
    void aHighlyCompressibleEntryIsAZipBombAndMoreBytesThanTheLimitAre413() {
        // 4 MB of zeros deflate to about 4 KB: a ratio near 1000
        assertThatThrownBy(() -> SafeZip.read(zip("zeros", new byte[4 << 20]), "images", LIMITS))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.TOO_LARGE);
                    assertThat(e.getMessage()).contains("VISION_ZIP_MAX_RATIO");
                });
        byte[] random = new byte[3 << 20];
        new Random(8).nextBytes(random);
        assertThatThrownBy(() -> SafeZip.read(zip("r", random), "images", new SafeZip.Limits(3, 1 << 20, 100)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.TOO_LARGE);
                    assertThat(e.getMessage()).contains("VISION_ZIP_MAX_SIZE");
                });
    }

    @Test
    void notAZipIs400() {
        assertThatThrownBy(() -> SafeZip.read("hello".getBytes(StandardCharsets.UTF_8), "images", LIMITS))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SafeZip.read(new byte[0], "images", LIMITS)).isInstanceOf(InvalidInputException.class);
    }
}
