package io.metasystem.mlcore.vision;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.errors.ProblemException;
import io.metasystem.mlcore.errors.ProblemKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Samples one frame per second of a video with the {@code ffmpeg} binary ({@code FFMPEG_PATH}, Debian package
 * {@code ffmpeg}): {@code ffmpeg -nostdin -i in -vf fps=1 -frames:v N frame-%04d.png} in a temporary folder that is
 * deleted afterwards, with a timeout; the duration is read from ffmpeg's {@code Duration:} line.
 */
final class VideoFrames {
    private static final Logger log = LoggerFactory.getLogger(VideoFrames.class);
    private static final Pattern DURATION = Pattern.compile("Duration: (\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)");

    private VideoFrames() {}

    /**
     * The sampled frames (PNG bytes, second 0 first) and the duration.
     *
     * @param durationSeconds nullable when ffmpeg did not say
     */
    record Sampled(List<byte[]> frames, Double durationSeconds) {}

    /** Container signatures of the videos ffmpeg is asked to read (MP4/MOV, Matroska/WebM, AVI). */
    static boolean looksLikeVideo(byte[] b) {
        boolean mp4 = b.length > 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p';
        boolean matroska = b.length > 4
                && (b[0] & 0xff) == 0x1a
                && (b[1] & 0xff) == 0x45
                && (b[2] & 0xff) == 0xdf
                && (b[3] & 0xff) == 0xa3;
        boolean avi = b.length > 12
                && b[0] == 'R'
                && b[1] == 'I'
                && b[2] == 'F'
                && b[3] == 'F'
                && b[8] == 'A'
                && b[9] == 'V'
                && b[10] == 'I';
        return mp4 || matroska || avi;
    }

    /** @return whether the configured binary exists and is executable */
    static boolean available(String ffmpegPath) {
        return Files.isExecutable(Path.of(ffmpegPath));
    }

    /**
     * @throws ProblemException 503 when ffmpeg is missing; 400 (field {@code field}) when it cannot read the video
     */
    static Sampled sample(byte[] video, String field, VisionProperties properties) {
        if (!available(properties.ffmpegPath())) {
            String detail = "videos need ffmpeg, and FFMPEG_PATH (" + properties.ffmpegPath()
                    + ") is not an executable file; install the Debian package ffmpeg";
            throw new ProblemException(
                    ProblemKind.UNAVAILABLE, null, detail, List.of(new FieldProblem(field, detail)), Map.of(), null);
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("vision-video-");
            Path input = dir.resolve("input");
            Files.write(input, video);
            Path stderr = dir.resolve("ffmpeg.log");
            Process process = new ProcessBuilder(
                            properties.ffmpegPath(),
                            "-nostdin",
                            "-hide_banner",
                            "-i",
                            input.toString(),
                            "-vf",
                            "fps=1",
                            "-frames:v",
                            Integer.toString(properties.videoMaxFrames()),
                            "-f",
                            "image2",
                            dir.resolve("frame-%04d.png").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(stderr.toFile())
                    .start();
            if (!process.waitFor(properties.videoTimeoutSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ProblemException(
                        ProblemKind.TOO_LARGE,
                        null,
                        "ffmpeg took longer than " + properties.videoTimeoutSeconds()
                                + " s on this video (VISION_VIDEO_TIMEOUT_SECONDS)",
                        List.of(new FieldProblem(field, "the video takes too long to decode")),
                        Map.of(),
                        null);
            }
            String output = Files.readString(stderr, StandardCharsets.UTF_8);
            List<Path> frames;
            try (Stream<Path> files = Files.list(dir)) {
                frames = files.filter(p -> p.getFileName().toString().startsWith("frame-"))
                        .sorted()
                        .toList();
            }
            if (process.exitValue() != 0 || frames.isEmpty()) {
                log.debug("ffmpeg exit {}: {}", process.exitValue(), output);
                throw new InvalidInputException(field, "is not a video ffmpeg can decode");
            }
            List<byte[]> bytes = new ArrayList<>();
            for (Path frame : frames) {
                bytes.add(Files.readAllBytes(frame));
            }
            return new Sampled(bytes, duration(output));
        } catch (IOException e) {
            throw new IllegalStateException("could not run ffmpeg: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running ffmpeg", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    static Double duration(String ffmpegOutput) {
        Matcher m = DURATION.matcher(ffmpegOutput);
        if (!m.find()) {
            return null;
        }
        return Integer.parseInt(m.group(1)) * 3600.0
                + Integer.parseInt(m.group(2)) * 60.0
                + Double.parseDouble(m.group(3));
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            log.debug("could not delete {}", dir, e);
        }
    }
}
