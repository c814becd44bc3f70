package io.metasystem.mlcore.vision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a creative shows, aggregated over its frames (an image is one frame; a video one frame per second). Pure.
 *
 * @param mediaType        {@code image} or {@code video}
 * @param width            frame width in pixels
 * @param height           frame height in pixels
 * @param aspectRatio      width / height
 * @param durationSeconds  video duration as ffmpeg reports it, null for an image
 * @param frames           frames analysed
 * @param brightness       mean over frames of {@link ImageFeatures#brightness()} (0–1)
 * @param contrast         mean over frames of {@link ImageFeatures#contrast()}
 * @param colourfulness    mean over frames of Hasler and Süsstrunk's M ({@link ImageFeatures#colourfulness()})
 * @param dominantColours  the most frequent colours over all frames ({@link DominantColours})
 * @param personPresent    a person was detected in some frame
 * @param personShareOpening share of the frames of the first 3 seconds (an image: the image) with a person
 * @param objects          per detected class: share of frames it is in, its largest count in a frame, the mean share
 *                         of the frame its boxes cover (0–1, boxes of a frame summed and capped at 1)
 */
public record CreativeFeatures(
        String mediaType,
        int width,
        int height,
        double aspectRatio,
        Double durationSeconds,
        int frames,
        double brightness,
        double contrast,
        double colourfulness,
        List<DominantColours.Colour> dominantColours,
        boolean personPresent,
        double personShareOpening,
        Map<String, ObjectStats> objects) {
    /** Seconds of a video that count as its opening. */
    public static final int OPENING_SECONDS = 3;

    /**
     * One class over the frames.
     *
     * @param presence      share of frames with at least one box of the class (0–1)
     * @param maxCount      most boxes of the class in one frame
     * @param meanAreaShare mean over frames of the share of the frame its boxes cover (0–1)
     */
    public record ObjectStats(double presence, int maxCount, double meanAreaShare) {}

    /**
     * One analysed frame.
     *
     * @param pixels     its pixel statistics
     * @param detections what the model found, boxes in the frame's pixels
     */
    public record Frame(ImageFeatures pixels, List<VisionDetection.Found> detections) {}

    /**
     * @param frames one per second of video, in order (index = second), or the single image
     * @param rgbFrames the frames' pixels for the dominant colours (packed {@code 0xRRGGBB})
     * @throws IllegalArgumentException when there is no frame
     */
    public static CreativeFeatures of(
            String mediaType,
            int width,
            int height,
            Double durationSeconds,
            List<Frame> frames,
            List<int[]> rgbFrames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("frames: at least one frame is needed");
        }
        int n = frames.size();
        double brightness = 0;
        double contrast = 0;
        double colourfulness = 0;
        double area = (double) width * height;
        Map<String, int[]> counts = new TreeMap<>(); // frames present, max count
        Map<String, Double> areaShare = new TreeMap<>();
        int openingFrames = Math.min(n, OPENING_SECONDS);
        int openingWithPerson = 0;
        boolean person = false;
        for (int i = 0; i < n; i++) {
            Frame f = frames.get(i);
            brightness += f.pixels().brightness() / n;
            contrast += f.pixels().contrast() / n;
            colourfulness += f.pixels().colourfulness() / n;
            Map<String, Integer> inFrame = new TreeMap<>();
            Map<String, Double> covered = new TreeMap<>();
            for (VisionDetection.Found d : f.detections()) {
                inFrame.merge(d.className(), 1, Integer::sum);
                double[] b = d.box();
                covered.merge(d.className(), Math.max(0, b[2] - b[0]) * Math.max(0, b[3] - b[1]) / area, Double::sum);
            }
            inFrame.forEach((name, count) -> {
                int[] c = counts.computeIfAbsent(name, k -> new int[2]);
                c[0]++;
                c[1] = Math.max(c[1], count);
            });
            covered.forEach((name, share) -> areaShare.merge(name, Math.min(1, share) / n, Double::sum));
            if (inFrame.containsKey("person")) {
                person = true;
                if (i < openingFrames) {
                    openingWithPerson++;
                }
            }
        }
        Map<String, ObjectStats> objects = new LinkedHashMap<>();
        counts.forEach((name, c) -> objects.put(name, new ObjectStats((double) c[0] / n, c[1], areaShare.get(name))));
        return new CreativeFeatures(
                mediaType,
                width,
                height,
                (double) width / height,
                durationSeconds,
                n,
                brightness,
                contrast,
                colourfulness,
                DominantColours.of(new ArrayList<>(rgbFrames), DominantColours.TOP),
                person,
                (double) openingWithPerson / openingFrames,
                objects);
    }
}
