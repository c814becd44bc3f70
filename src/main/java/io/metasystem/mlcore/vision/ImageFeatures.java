package io.metasystem.mlcore.vision;

/**
 * Pixel statistics of a creative (pure).
 *
 * @param brightness    mean Rec. 601 luma {@code 0.299 R + 0.587 G + 0.114 B}, scaled to [0, 1]
 * @param contrast      standard deviation (population) of that luma, scaled to [0, 0.5]
 * @param colourfulness Hasler and Süsstrunk's M = σ_rgyb + 0.3 μ_rgyb on 0–255 channels, with rg = R − G and
 *                      yb = (R + G)/2 − B (Hasler, Süsstrunk, "Measuring colourfulness in natural images", SPIE 2003)
 * @param aspectRatio   width / height
 */
public record ImageFeatures(double brightness, double contrast, double colourfulness, double aspectRatio) {
    /**
     * @param rgb packed {@code 0xRRGGBB} pixels, row-major, {@code width * height} long
     * @throws IllegalArgumentException if the sizes do not match or are not positive
     */
    public static ImageFeatures of(int[] rgb, int width, int height) {
        if (width < 1 || height < 1 || rgb.length != (long) width * height) {
            throw new IllegalArgumentException(
                    "rgb: expected " + width + " x " + height + " pixels, got " + rgb.length);
        }
        // two passes (means, then squared deviations): exact zero spread for flat images
        double n = rgb.length;
        double meanY = 0;
        double meanRg = 0;
        double meanYb = 0;
        for (int p : rgb) {
            meanY += luma(p) / n;
            meanRg += rg(p) / n;
            meanYb += yb(p) / n;
        }
        double varY = 0;
        double varRg = 0;
        double varYb = 0;
        for (int p : rgb) {
            varY += sq(luma(p) - meanY) / n;
            varRg += sq(rg(p) - meanRg) / n;
            varYb += sq(yb(p) - meanYb) / n;
        }
        double m = Math.sqrt(varRg + varYb) + 0.3 * Math.sqrt(meanRg * meanRg + meanYb * meanYb);
        return new ImageFeatures(meanY / 255, Math.sqrt(varY) / 255, m, (double) width / height);
    }

    private static double sq(double v) {
        return v * v;
    }

    private static double luma(int p) {
        return 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
    }

    private static double rg(int p) {
        return ((p >> 16) & 0xff) - ((p >> 8) & 0xff);
    }

    private static double yb(int p) {
        return 0.5 * (((p >> 16) & 0xff) + ((p >> 8) & 0xff)) - (p & 0xff);
    }
}
