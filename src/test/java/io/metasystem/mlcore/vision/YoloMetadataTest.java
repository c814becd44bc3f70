package io.metasystem.mlcore.vision;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YoloMetadataTest {
    @Test
    void readsAnUltralyticsExportsProperties() {
        YoloMetadata m = YoloMetadata.parse(
                Map.of(
                        "names", "{0: 'person', 1: 'bicycle', 2: \"people's car\"}",
                        "imgsz", "[480, 640]",
                        "stride", "32",
                        "task", "detect",
                        "license", "AGPL-3.0 License (https://ultralytics.com/license)",
                        "version", "8.3.0"),
                -1,
                -1);
        assertThat(m.names())
                .containsExactly(Map.entry(0, "person"), Map.entry(1, "bicycle"), Map.entry(2, "people's car"));
        assertThat(m.imgszHeight()).isEqualTo(480);
        assertThat(m.imgszWidth()).isEqualTo(640);
        assertThat(m.stride()).isEqualTo(32);
        assertThat(m.task()).isEqualTo("detect");
        assertThat(m.license()).startsWith("AGPL-3.0");
        assertThat(m.ultralyticsVersion()).isEqualTo("8.3.0");
    }

    @Test
    void namesAcceptEscapesAndATrailingComma() {
        assertThat(YoloMetadata.parseNames(" { 3 : 'it\\'s' , 7: 'a\\\\b', } "))
                .containsExactly(Map.entry(3, "it's"), Map.entry(7, "a\\b"));
        assertThat(YoloMetadata.parseNames("{}")).isEmpty();
    }

    @Test
    void malformedNamesSayWhere() {
        assertThatThrownBy(() -> YoloMetadata.parseNames("{0: person}"))
                .hasMessageContaining("expected a quoted string at character 4");
        assertThatThrownBy(() -> YoloMetadata.parseNames("{0: 'a', 0: 'b'}")).hasMessageContaining("duplicate key 0");
        assertThatThrownBy(() -> YoloMetadata.parseNames("['person']")).hasMessageContaining("expected '{'");
    }

    @Test
    void imgszFallsBackToTheFixedInputSizeAndMissingNamesAreNamed() {
        YoloMetadata m = YoloMetadata.parse(Map.of("names", "{0: 'person'}"), 320, 256);
        assertThat(m.imgszHeight()).isEqualTo(320);
        assertThat(m.imgszWidth()).isEqualTo(256);
        assertThat(m.stride()).isNull();
        assertThatThrownBy(() -> YoloMetadata.parse(Map.of(), 640, 640)).hasMessageStartingWith("names:");
        assertThatThrownBy(() -> YoloMetadata.parse(Map.of("names", "{0: 'a'}", "imgsz", "[0]"), 640, 640))
                .hasMessageStartingWith("imgsz:");
    }
}
