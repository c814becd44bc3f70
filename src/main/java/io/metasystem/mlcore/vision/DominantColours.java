package io.metasystem.mlcore.vision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The most frequent colours of some frames (pure): every pixel falls into one of 512 boxes of the RGB cube (the top 3
 * bits of each channel); the fullest boxes are answered with the mean colour of their pixels and their share of all
 * pixels. A histogram, not k-means: deterministic and one pass.
 */
public final class DominantColours {
    /** How many colours a creative answers. */
    public static final int TOP = 3;

    private DominantColours() {}

    /**
     * A dominant colour.
     *
     * @param hex   {@code #rrggbb}, the mean colour of the box's pixels
     * @param share share of all pixels in the box (0–1)
     */
    public record Colour(String hex, double share) {}

    /** @param frames packed {@code 0xRRGGBB} pixels per frame; at most {@code top} colours, fullest first */
    public static List<Colour> of(List<int[]> frames, int top) {
        long[] count = new long[512];
        long[][] sum = new long[512][3];
        long total = 0;
        for (int[] frame : frames) {
            for (int p : frame) {
                int r = (p >> 16) & 0xff;
                int g = (p >> 8) & 0xff;
                int b = p & 0xff;
                int box = ((r >> 5) << 6) | ((g >> 5) << 3) | (b >> 5);
                count[box]++;
                sum[box][0] += r;
                sum[box][1] += g;
                sum[box][2] += b;
                total++;
            }
        }
        List<Integer> boxes = new ArrayList<>();
        for (int i = 0; i < 512; i++) {
            if (count[i] > 0) {
                boxes.add(i);
            }
        }
        // fullest first; ties by box index, so the answer is deterministic
        boxes.sort(Comparator.comparingLong((Integer i) -> -count[i]).thenComparing(i -> i));
        List<Colour> out = new ArrayList<>();
        for (int i : boxes.subList(0, Math.min(top, boxes.size()))) {
            byte[] rgb = {
                (byte) Math.round((double) sum[i][0] / count[i]),
                (byte) Math.round((double) sum[i][1] / count[i]),
                (byte) Math.round((double) sum[i][2] / count[i])
            };
            out.add(new Colour("#" + HexFormat.of().formatHex(rgb), (double) count[i] / total));
        }
        return out;
    }
}
