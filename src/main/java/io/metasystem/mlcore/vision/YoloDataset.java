package io.metasystem.mlcore.vision;

import io.metasystem.mlcore.errors.InvalidInputException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A COCO-labelled image set as an Ultralytics YOLO detection dataset (pure;
 * https://docs.ultralytics.com/datasets/detect/): {@code images/{train,val}/<file>}, {@code labels/{train,val}/<file stem>.txt} with one line
 * {@code class cx cy w h} per box (centre and size divided by the image's width and height, six decimals) and
 * {@code data.yaml} ({@code path}, {@code train}, {@code val}, {@code names}). As Ultralytics' own
 * {@code convert_coco}: crowd boxes are skipped, categories become contiguous class ids 0..n−1 in ascending COCO
 * category id order; unlike it, boxes are first clipped to the image and boxes with no area left are skipped. An image
 * without boxes gets an empty label file (a background image). The split is a seeded shuffle of the images in
 * ascending id order: the first {@code round(n × valFraction)} go to {@code val} (at least one when
 * {@code valFraction > 0} and there are two images or more, never all of them).
 */
public final class YoloDataset {
    private YoloDataset() {}

    /** An image to export: its COCO id, file name (a path inside the zip), bytes and upright size in pixels. */
    public record Image(long id, String fileName, byte[] bytes, int width, int height) {}

    /** What went into the zip. */
    public record Summary(int train, int val, int boxes, int skippedCrowd, int skippedEmpty, List<String> names) {}

    /** The zip and its summary. */
    public record Export(byte[] zip, Summary summary) {}

    /**
     * One label line, or null when the clipped box has no area.
     *
     * @param classId contiguous class id
     * @param x       COCO box left edge in pixels (then top, width, height)
     * @param width   the image's width in pixels (then its height)
     */
    public static String labelLine(int classId, double x, double y, double w, double h, int width, int height) {
        double x1 = clamp(x, width);
        double y1 = clamp(y, height);
        double x2 = clamp(x + w, width);
        double y2 = clamp(y + h, height);
        if (!(x2 > x1) || !(y2 > y1)) {
            return null;
        }
        return String.format(
                Locale.ROOT,
                "%d %.6f %.6f %.6f %.6f",
                classId,
                (x1 + x2) / 2 / width,
                (y1 + y2) / 2 / height,
                (x2 - x1) / width,
                (y2 - y1) / height);
    }

    /** Contiguous class id of each COCO category id (ascending id order). */
    public static Map<Integer, Integer> classIds(CocoAnnotations coco) {
        Map<Integer, Integer> out = new LinkedHashMap<>();
        new TreeMap<>(coco.categories()).keySet().forEach(id -> out.put(id, out.size()));
        return out;
    }

    /** Image ids in {@code val}: a seeded shuffle of the ids in ascending order, the first {@code round(n·f)}. */
    public static List<Long> valIds(List<Long> ids, double valFraction, long seed) {
        List<Long> shuffled = new ArrayList<>(ids);
        Collections.sort(shuffled);
        Collections.shuffle(shuffled, new Random(seed));
        int n = shuffled.size();
        int val = (int) Math.round(n * valFraction);
        if (valFraction > 0 && n >= 2) {
            val = Math.max(1, val);
        }
        return List.copyOf(shuffled.subList(0, Math.max(0, Math.min(val, n - 1))));
    }

    /**
     * @param path        the {@code path} of data.yaml (where the zip will be unpacked)
     * @throws InvalidInputException (field {@code images}) when two images would get the same file name
     */
    public static Export export(CocoAnnotations coco, List<Image> images, double valFraction, long seed, String path) {
        Map<Integer, Integer> classes = classIds(coco);
        Map<Long, List<CocoEval.Gt>> byImage = new HashMap<>();
        for (CocoEval.Gt g : coco.groundTruth()) {
            byImage.computeIfAbsent(g.imageId(), k -> new ArrayList<>()).add(g);
        }
        List<Long> val = valIds(images.stream().map(Image::id).toList(), valFraction, seed);
        Map<String, Long> used = new HashMap<>();
        int boxes = 0;
        int crowd = 0;
        int empty = 0;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            List<Image> sorted = new ArrayList<>(images);
            sorted.sort((a, b) -> Long.compare(a.id(), b.id()));
            for (Image image : sorted) {
                String base = image.fileName().substring(image.fileName().lastIndexOf('/') + 1);
                Long other = used.putIfAbsent(base, image.id());
                if (other != null) {
                    throw new InvalidInputException(
                            "images",
                            "images " + other + " and " + image.id() + " have the same file name " + base
                                    + "; a YOLO dataset needs unique file names");
                }
                String split = val.contains(image.id()) ? "val" : "train";
                StringBuilder labels = new StringBuilder();
                for (CocoEval.Gt g : byImage.getOrDefault(image.id(), List.of())) {
                    if (g.crowd()) {
                        crowd++;
                        continue;
                    }
                    String line = labelLine(
                            classes.get(g.categoryId()), g.x(), g.y(), g.w(), g.h(), image.width(), image.height());
                    if (line == null) {
                        empty++;
                        continue;
                    }
                    labels.append(line).append('\n');
                    boxes++;
                }
                String stem = base.contains(".") ? base.substring(0, base.lastIndexOf('.')) : base;
                put(zip, "images/" + split + "/" + base, image.bytes());
                put(
                        zip,
                        "labels/" + split + "/" + stem + ".txt",
                        labels.toString().getBytes(StandardCharsets.UTF_8));
            }
            List<String> names = new ArrayList<>();
            new TreeMap<>(coco.categories()).values().forEach(names::add);
            put(zip, "data.yaml", dataYaml(path, names).getBytes(StandardCharsets.UTF_8));
            zip.finish();
            return new Export(
                    bytes.toByteArray(),
                    new Summary(images.size() - val.size(), val.size(), boxes, crowd, empty, List.copyOf(names)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** data.yaml: {@code path}, {@code train}, {@code val} and {@code names} as an id → name mapping (quoted). */
    static String dataYaml(String path, List<String> names) {
        StringBuilder sb = new StringBuilder("# exported by ML Core (docs/vision.md)\n");
        sb.append("path: ").append(quote(path)).append('\n');
        sb.append("train: images/train\nval: images/val\nnames:\n");
        for (int i = 0; i < names.size(); i++) {
            sb.append("  ").append(i).append(": ").append(quote(names.get(i))).append('\n');
        }
        return sb.toString();
    }

    /** A YAML double-quoted scalar. */
    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0);
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }

    private static double clamp(double v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
