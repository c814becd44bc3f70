package io.metasystem.mlcore.vision;

import java.util.Arrays;

/**
 * The geometry of Ultralytics' {@code LetterBox} (keep the aspect ratio, centre, pad with grey 114) for one image and
 * the inverse mapping of {@code ops.scale_boxes} + {@code clip_boxes}, both as in Ultralytics 8.x:
 *
 * <pre>
 * r = min(newH / h, newW / w)                       (scale-up allowed)
 * unpadW, unpadH = round(w * r), round(h * r)       (Python round: half to even)
 * dw, dh = (newW - unpadW) / 2, (newH - unpadH) / 2
 * top = round(dh - 0.1), left = round(dw - 0.1)     (bottom/right take the rest)
 * </pre>
 *
 * <p>The inverse uses the gain {@code r} and the pad Ultralytics' {@code scale_boxes} recomputes:
 * {@code padX = round((newW - w * r) / 2 - 0.1)}, {@code padY = round((newH - h * r) / 2 - 0.1)}; then
 * {@code x = (x' - padX) / r} and boxes are clipped to {@code [0, w] x [0, h]}.
 *
 * @param width    original image width in pixels, ≥ 1
 * @param height   original image height in pixels, ≥ 1
 * @param newWidth network input width in pixels, ≥ 1
 * @param newHeight network input height in pixels, ≥ 1
 * @param gain     scale factor r
 * @param unpadWidth resized image width before padding
 * @param unpadHeight resized image height before padding
 * @param left     columns of padding on the left
 * @param top      rows of padding on top
 */
public record Letterbox(
        int width,
        int height,
        int newWidth,
        int newHeight,
        double gain,
        int unpadWidth,
        int unpadHeight,
        int left,
        int top) {
    /** The grey Ultralytics pads with, per channel (0–255). */
    public static final int PAD_VALUE = 114;

    /**
     * @throws IllegalArgumentException if a size is not positive
     */
    public static Letterbox of(int width, int height, int newWidth, int newHeight) {
        if (width < 1 || height < 1 || newWidth < 1 || newHeight < 1) {
            throw new IllegalArgumentException(
                    "sizes must be positive: " + width + "x" + height + " -> " + newWidth + "x" + newHeight);
        }
        double r = Math.min((double) newHeight / height, (double) newWidth / width);
        int unpadW = (int) Math.rint(width * r);
        int unpadH = (int) Math.rint(height * r);
        double dw = (newWidth - unpadW) / 2.0;
        double dh = (newHeight - unpadH) / 2.0;
        int top = (int) Math.rint(dh - 0.1);
        int left = (int) Math.rint(dw - 0.1);
        return new Letterbox(width, height, newWidth, newHeight, r, unpadW, unpadH, left, top);
    }

    /**
     * Maps a box from network-input coordinates back to the original image (Ultralytics {@code scale_boxes}, then
     * {@code clip_boxes}).
     *
     * @param box {@code x1, y1, x2, y2} in letterboxed pixels
     * @return {@code x1, y1, x2, y2} in original pixels, clipped to the image
     */
    public double[] toOriginal(double[] box) {
        double padX = Math.rint((newWidth - width * gain) / 2 - 0.1);
        double padY = Math.rint((newHeight - height * gain) / 2 - 0.1);
        return new double[] {
            clip((box[0] - padX) / gain, width),
            clip((box[1] - padY) / gain, height),
            clip((box[2] - padX) / gain, width),
            clip((box[3] - padY) / gain, height)
        };
    }

    private static double clip(double v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    /**
     * The network input: the image resized bilinearly (half-pixel centres, as OpenCV's {@code INTER_LINEAR}) to
     * {@code unpadWidth x unpadHeight}, padded with {@value #PAD_VALUE}, RGB scaled to [0, 1], in CHW order
     * ({@code [3][newHeight][newWidth]} flattened).
     *
     * @param rgb packed {@code 0xRRGGBB} pixels of the original image, row-major, {@code width * height} long
     */
    public float[] tensor(int[] rgb) {
        if (rgb.length != width * height) {
            throw new IllegalArgumentException("rgb: expected " + width * height + " pixels, got " + rgb.length);
        }
        int plane = newWidth * newHeight;
        float[] out = new float[3 * plane];
        float pad = PAD_VALUE / 255f;
        Arrays.fill(out, pad);
        double sx = (double) width / unpadWidth;
        double sy = (double) height / unpadHeight;
        boolean identity = unpadWidth == width && unpadHeight == height;
        for (int y = 0; y < unpadHeight; y++) {
            int oy = y + top;
            if (oy < 0 || oy >= newHeight) {
                continue;
            }
            double fy = identity ? y : Math.max(0, (y + 0.5) * sy - 0.5);
            int y0 = Math.min((int) fy, height - 1);
            int y1 = Math.min(y0 + 1, height - 1);
            double wy = fy - y0;
            for (int x = 0; x < unpadWidth; x++) {
                int ox = x + left;
                if (ox < 0 || ox >= newWidth) {
                    continue;
                }
                double fx = identity ? x : Math.max(0, (x + 0.5) * sx - 0.5);
                int x0 = Math.min((int) fx, width - 1);
                int x1 = Math.min(x0 + 1, width - 1);
                double wx = fx - x0;
                int p00 = rgb[y0 * width + x0];
                int p01 = rgb[y0 * width + x1];
                int p10 = rgb[y1 * width + x0];
                int p11 = rgb[y1 * width + x1];
                int at = oy * newWidth + ox;
                for (int c = 0; c < 3; c++) {
                    int shift = 16 - 8 * c;
                    double top0 = ((p00 >> shift) & 0xff) * (1 - wx) + ((p01 >> shift) & 0xff) * wx;
                    double bottom0 = ((p10 >> shift) & 0xff) * (1 - wx) + ((p11 >> shift) & 0xff) * wx;
                    double v = top0 * (1 - wy) + bottom0 * wy;
                    out[c * plane + at] = (float) (Math.rint(v) / 255.0);
                }
            }
        }
        return out;
    }
}
