package io.metasystem.mlcore.vision;

import io.metasystem.mlcore.errors.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YoloDatasetTest {
    private static final String COCO = """
            {"images": [{"id": 7, "file_name": "a/street.jpg"}, {"id": 3, "file_name": "park.png"},
                        {"id": 9, "file_name": "empty.png"}],
             "categories": [{"id": 18, "name": "dog"}, {"id": 1, "name": "person"}, {"id": 2, "name": "bicycle"}],
             "annotations": [
               {"image_id": 7, "category_id": 1, "bbox": [10, 20, 30, 40]},
               {"image_id": 7, "category_id": 18, "bbox": [0, 0, 640, 480], "iscrowd": 1},
               {"image_id": 7, "category_id": 2, "bbox": [600, 400, 100, 100]},
               {"image_id": 3, "category_id": 18, "bbox": [50, 50, 0, 10]},
               {"image_id": 3, "category_id": 2, "bbox": [0, 0, 100, 50]}]}
            """;

    /**
     * Worked by hand: a 30 x 40 box at (10, 20) in 640 x 480 has centre (25, 40) → 25/640 = 0.0390625 (six decimals,
     * half up), 40/480, and size 30/640, 40/480.
     */
    @Test
    void aBoxBecomesItsNormalisedCentreAndSize() {
        assertThat(YoloDataset.labelLine(0, 10, 20, 30, 40, 640, 480))
                .isEqualTo("0 0.039063 0.083333 0.046875 0.083333");
        // clipped to the image first: (600, 400)-(700, 500) → (600, 400)-(640, 480), centre (620, 440), size 40 x 80
        assertThat(YoloDataset.labelLine(1, 600, 400, 100, 100, 640, 480))
                .isEqualTo("1 0.968750 0.916667 0.062500 0.166667");
        assertThat(YoloDataset.labelLine(2, 0, 0, 64, 64, 64, 64)).isEqualTo("2 0.500000 0.500000 1.000000 1.000000");
        assertThat(YoloDataset.labelLine(0, 50, 50, 0, 10, 640, 480)).isNull();
        assertThat(YoloDataset.labelLine(0, 700, 10, 10, 10, 640, 480)).isNull();
    }

    @Test
    void categoriesBecomeContiguousIdsInCocoIdOrder() {
        CocoAnnotations coco = CocoAnnotations.parse(COCO.getBytes(StandardCharsets.UTF_8), "annotations");
        assertThat(YoloDataset.classIds(coco)).containsExactly(Map.entry(1, 0), Map.entry(2, 1), Map.entry(18, 2));
    }

    @Test
    void theSplitIsASeededShuffleThatNeverLeavesASideEmpty() {
        List<Long> ids = LongStream.range(0, 100).boxed().toList();
        List<Long> val = YoloDataset.valIds(ids, 0.2, 5);
        assertThat(val).hasSize(20).doesNotHaveDuplicates().isSubsetOf(ids);
        assertThat(YoloDataset.valIds(
                        LongStream.range(0, 100).map(i -> 99 - i).boxed().toList(), 0.2, 5))
                .isEqualTo(val);
        assertThat(YoloDataset.valIds(ids, 0.2, 6)).isNotEqualTo(val);
        assertThat(YoloDataset.valIds(List.of(1L, 2L), 0.01, 1)).hasSize(1);
        assertThat(YoloDataset.valIds(List.of(1L, 2L), 0.99, 1)).hasSize(1);
        assertThat(YoloDataset.valIds(List.of(1L), 0.5, 1)).isEmpty();
        assertThat(YoloDataset.valIds(ids, 0, 1)).isEmpty();
    }

    @Test
    void theZipReadsBackAsAnUltralyticsDataset() throws IOException {
        CocoAnnotations coco = CocoAnnotations.parse(COCO.getBytes(StandardCharsets.UTF_8), "annotations");
        List<YoloDataset.Image> images = List.of(
                new YoloDataset.Image(7, "a/street.jpg", new byte[] {1, 2, 3}, 640, 480),
                new YoloDataset.Image(3, "park.png", new byte[] {4}, 200, 100),
                new YoloDataset.Image(9, "empty.png", new byte[] {5}, 10, 10));
        YoloDataset.Export export = YoloDataset.export(coco, images, 0.34, 1, "/data/creatives");
        Map<String, String> entries = read(export.zip());
        List<Long> val = YoloDataset.valIds(List.of(7L, 3L, 9L), 0.34, 1);
        assertThat(val).hasSize(1);
        String street = val.contains(7L) ? "val" : "train";
        String park = val.contains(3L) ? "val" : "train";
        String empty = val.contains(9L) ? "val" : "train";
        assertThat(entries)
                .containsOnlyKeys(
                        "images/" + park + "/park.png",
                        "labels/" + park + "/park.txt",
                        "images/" + street + "/street.jpg",
                        "labels/" + street + "/street.txt",
                        "images/" + empty + "/empty.png",
                        "labels/" + empty + "/empty.txt",
                        "data.yaml");
        assertThat(entries.get("labels/" + street + "/street.txt"))
                .isEqualTo("0 0.039063 0.083333 0.046875 0.083333\n1 0.968750 0.916667 0.062500 0.166667\n");
        assertThat(entries.get("labels/" + park + "/park.txt")).isEqualTo("1 0.250000 0.250000 0.500000 0.500000\n");
        assertThat(entries.get("labels/" + empty + "/empty.txt")).isEmpty();
        assertThat(entries.get("images/" + street + "/street.jpg")).isEqualTo("\u0001\u0002\u0003");
        assertThat(entries.get("data.yaml"))
                .isEqualTo("# exported by ML Core (docs/vision.md)\npath: \"/data/creatives\"\ntrain: images/train\n"
                        + "val: images/val\nnames:\n  0: \"person\"\n  1: \"bicycle\"\n  2: \"dog\"\n");
        assertThat(export.summary())
                .isEqualTo(new YoloDataset.Summary(2, 1, 3, 1, 1, List.of("person", "bicycle", "dog")));
        assertThat(YoloDataset.export(coco, images, 0.34, 1, "/data/creatives").zip())
                .isEqualTo(export.zip());
    }

    @Test
    void twoImagesWithOneFileNameAreRefused() {
        CocoAnnotations coco = CocoAnnotations.parse(COCO.getBytes(StandardCharsets.UTF_8), "annotations");
        List<YoloDataset.Image> images = List.of(
                new YoloDataset.Image(7, "a/park.png", new byte[] {1}, 10, 10),
                new YoloDataset.Image(3, "park.png", new byte[] {4}, 10, 10));
        assertThatThrownBy(() -> YoloDataset.export(coco, images, 0.2, 1, "."))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("park.png");
    }

    static Map<String, String> read(byte[] zip) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }
}
