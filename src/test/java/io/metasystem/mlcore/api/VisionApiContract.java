package io.metasystem.mlcore.api;

import io.metasystem.mlcore.testing.WebApiTest;
import io.metasystem.mlcore.testing.Zips;
import io.metasystem.mlcore.vision.CreativePreview;
import io.metasystem.mlcore.vision.ExifOrientationTest;
import io.metasystem.mlcore.vision.VisionCreatives;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Vision registry and detection through the real HTTP server, with the committed fixture models
 * (src/test/resources/vision/make_fixtures.py); on H2 ({@link VisionApiTest}) and PostgreSQL
 * ({@link PostgresVisionApiTest}).
 */
abstract class VisionApiContract extends WebApiTest {
    @Autowired
    VisionCreatives creatives;

    static final JsonMapper JSON = JsonMapper.builder().build();

    HttpClientSupport http() {
        return new HttpClientSupport(port);
    }

    static byte[] fixture(String name) {
        try (InputStream in = VisionApiContract.class.getResourceAsStream("/vision/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> upload(String path, Multipart body) {
        return http().send(http().request(path)
                .header("X-API-Key", HttpClientSupport.KEY)
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                .build());
    }

    HttpResponse<String> post(String path) {
        return http().send(http().request(path)
                .header("X-API-Key", HttpClientSupport.KEY)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    JsonNode register(String fixture) {
        HttpResponse<String> r = upload(
                "/api/v1/vision/models",
                new Multipart().file("file", fixture, "application/octet-stream", fixture(fixture)));
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        return JSON.readTree(r.body());
    }

    @Test
    void uploadReadsTheExportsMetadataAndLayoutAndChecksum() throws NoSuchAlgorithmException {
        HttpResponse<String> first = upload(
                "/api/v1/vision/models",
                new Multipart()
                        .file(
                                "file",
                                "yolov8_planted.onnx",
                                "application/octet-stream",
                                fixture("yolov8_planted.onnx")));
        assertThat(first.statusCode()).as(first.body()).isIn(200, 201);
        JsonNode m = JSON.readTree(first.body());
        assertThat(m.get("names").get("0").asString()).isEqualTo("person");
        assertThat(m.get("names").get("1").asString()).isEqualTo("bicycle");
        assertThat(m.get("imgsz").get(0).asInt()).isEqualTo(64);
        assertThat(m.get("stride").asInt()).isEqualTo(32);
        assertThat(m.get("task").asString()).isEqualTo("detect");
        assertThat(m.get("layout").asString()).isEqualTo("yolov8");
        assertThat(m.get("license").asString()).startsWith("AGPL-3.0");
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(fixture("yolov8_planted.onnx")));
        assertThat(m.get("sha256").asString()).isEqualTo(sha);
        // the same file again: the same version, 200
        HttpResponse<String> again = upload(
                "/api/v1/vision/models",
                new Multipart().file("file", "copy.onnx", "application/octet-stream", fixture("yolov8_planted.onnx")));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("version").asLong())
                .isEqualTo(m.get("version").asLong());
        JsonNode listed = JSON.readTree(http().get("/api/v1/vision/models").body());
        assertThat(listed.valueStream().map(n -> n.get("sha256").asString())).contains(sha);
        assertThat(JSON.readTree(http().get("/api/v1/vision/models/"
                                        + m.get("version").asLong())
                                .body())
                        .get("sha256")
                        .asString())
                .isEqualTo(sha);
    }

    @Test
    void unsupportedShapesAndNonOnnxFilesAreProblems() {
        HttpResponse<String> bad = upload(
                "/api/v1/vision/models",
                new Multipart().file("file", "bad_shape.onnx", "application/octet-stream", fixture("bad_shape.onnx")));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        JsonNode problem = JSON.readTree(bad.body());
        assertThat(problem.get("detail").asString())
                .contains("[1, 4 + classes, anchors]")
                .contains("[1, N, 6]");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("file");
        HttpResponse<String> text = upload(
                "/api/v1/vision/models", new Multipart().file("file", "notes.txt", "text/plain", "hello".getBytes()));
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(text.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("file");
        assertThat(http().get("/api/v1/vision/models/999999").statusCode()).isEqualTo(404);
        assertThat(http().get("/api/v1/vision/models/abc").statusCode()).isEqualTo(400);
    }

    @Test
    void detectMapsThePlantedBoxesBackToTheImage() {
        long v8 = register("yolov8_planted.onnx").get("version").asLong();
        HttpResponse<String> r = upload(
                "/api/v1/vision/detect?model_version=" + v8,
                new Multipart().file("image", "wide.png", "image/png", png(128, 64)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode d = JSON.readTree(r.body());
        assertThat(d.get("model_version").asLong()).isEqualTo(v8);
        assertThat(d.get("image").get("width").asInt()).isEqualTo(128);
        assertThat(d.get("image").get("height").asInt()).isEqualTo(64);
        // gain 0.5, 16 rows of padding: (15, 20, 25, 40) -> (30, 8, 50, 48); see OnnxDetectorTest
        JsonNode detections = d.get("detections");
        assertThat(detections.size()).isEqualTo(4);
        assertThat(detections.get(0).get("class").asString()).isEqualTo("person");
        assertThat(detections.get(0).get("class_id").asInt()).isZero();
        assertThat(detections.get(0).get("box").valueStream().map(JsonNode::asDouble))
                .containsExactly(30.0, 8.0, 50.0, 48.0);
        assertThat(detections.get(2).get("box").valueStream().map(JsonNode::asDouble))
                .containsExactly(100.0, 0.0, 128.0, 18.0);
        // conf 0.5 keeps the three best; iou 0.9 keeps the overlapping second person too
        JsonNode strict = JSON.readTree(upload(
                        "/api/v1/vision/detect?conf=0.5&iou=0.9&model_version=" + v8,
                        new Multipart().file("image", "wide.png", "image/png", png(128, 64)))
                .body());
        assertThat(strict.get("detections")
                        .valueStream()
                        .map(n -> n.get("score").asDouble()))
                .hasSize(4)
                .allSatisfy(s -> assertThat(s).isGreaterThan(0.5));
    }

    @Test
    void detectRejectsNonImagesOversizeImagesAndBadParameters() {
        long v8 = register("yolov8_planted.onnx").get("version").asLong();
        HttpResponse<String> text = upload(
                "/api/v1/vision/detect?model_version=" + v8,
                new Multipart().file("image", "x.txt", "text/plain", "not an image".getBytes()));
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(text.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("image");
        byte[] png = png(32, 32);
        byte[] truncated = Arrays.copyOf(png, 40);
        HttpResponse<String> corrupt = upload(
                "/api/v1/vision/detect?model_version=" + v8,
                new Multipart().file("image", "x.png", "image/png", truncated));
        assertThat(corrupt.statusCode()).as(corrupt.body()).isEqualTo(400);
        HttpResponse<String> params = upload(
                "/api/v1/vision/detect?conf=2&iou=x&model_version=0",
                new Multipart().file("image", "x.png", "image/png", png));
        assertThat(params.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(params.body())
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("conf", "iou", "model_version");
        HttpResponse<String> unknown = upload(
                "/api/v1/vision/detect?model_version=999999", new Multipart().file("image", "x.png", "image/png", png));
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void endToEndModelsAreServedAndTheChampionCanBePromotedAndRolledBack() {
        long v8 = register("yolov8_planted.onnx").get("version").asLong();
        JsonNode e2e = register("e2e_planted.onnx");
        assertThat(e2e.get("layout").asString()).isEqualTo("end_to_end");
        long e2eVersion = e2e.get("version").asLong();
        JsonNode before =
                JSON.readTree(post("/api/v1/vision/models/" + v8 + "/promote").body());
        assertThat(before.get("status").asString()).isEqualTo("champion");
        JsonNode promoted = JSON.readTree(
                post("/api/v1/vision/models/" + e2eVersion + "/promote").body());
        assertThat(promoted.get("status").asString()).isEqualTo("champion");
        assertThat(JSON.readTree(http().get("/api/v1/vision/models/" + v8).body())
                        .get("status")
                        .asString())
                .isEqualTo("retired");
        // the champion answers when no model_version is given
        JsonNode d = JSON.readTree(upload(
                        "/api/v1/vision/detect", new Multipart().file("image", "wide.png", "image/png", png(128, 64)))
                .body());
        assertThat(d.get("model_version").asLong()).isEqualTo(e2eVersion);
        assertThat(d.get("detections").size()).isEqualTo(3);
        assertThat(d.get("detections").get(2).get("box").valueStream().map(JsonNode::asDouble))
                .containsExactly(0.0, 0.0, 128.0, 64.0);
        JsonNode back = JSON.readTree(post("/api/v1/vision/rollback").body());
        assertThat(back.get("version").asLong()).isEqualTo(v8);
        assertThat(back.get("status").asString()).isEqualTo("champion");
        assertThat(back.get("decision").asString()).isEqualTo("rollback from v" + e2eVersion);
    }

    static byte[] zip(Object... nameBytes) {
        return Zips.of(nameBytes);
    }

    /** COCO annotations of one 64 x 64 image {@code frame.png} with one box per (category id, x, y, w, h). */
    static byte[] coco(double[]... boxes) {
        StringBuilder annotations = new StringBuilder();
        for (int i = 0; i < boxes.length; i++) {
            double[] b = boxes[i];
            annotations
                    .append(i == 0 ? "" : ",")
                    .append("{\"id\":")
                    .append(i + 1)
                    .append(",\"image_id\":7,\"category_id\":")
                    .append((int) b[0])
                    .append(",\"bbox\":[")
                    .append(b[1])
                    .append(',')
                    .append(b[2])
                    .append(',')
                    .append(b[3])
                    .append(',')
                    .append(b[4])
                    .append("],\"area\":")
                    .append(b[3] * b[4])
                    .append(",\"iscrowd\":0}");
        }
        return ("{\"images\":[{\"id\":7,\"file_name\":\"frame.png\",\"width\":64,\"height\":64}],"
                        + "\"categories\":[{\"id\":1,\"name\":\"person\"},{\"id\":2,\"name\":\"bicycle\"}],"
                        + "\"annotations\":[" + annotations + "]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    HttpResponse<String> evaluate(long version, byte[] annotations, byte[] images) {
        return upload(
                "/api/v1/vision/models/" + version + "/evaluate",
                new Multipart()
                        .file("annotations", "coco.json", "application/json", annotations)
                        .file("images", "images.zip", "application/zip", images));
    }

    /** Submits an evaluation and waits for the job to finish. */
    JsonNode evaluated(long version, byte[] annotations, byte[] images) {
        HttpResponse<String> submitted = evaluate(version, annotations, images);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = JSON.readTree(submitted.body()).get("id").asString();
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    String status = JSON.readTree(
                                    http().get("/api/v1/vision/jobs/" + id).body())
                            .get("status")
                            .asString();
                    return status.equals("succeeded") || status.equals("failed");
                });
        JsonNode job = JSON.readTree(http().get("/api/v1/vision/jobs/" + id).body());
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        return job;
    }

    @Test
    void evaluationScoresAsPycocotoolsAndPromotesOnlyAModelThatBeatsTheChampionOnTheSameAnnotations() {
        long v8 = register("yolov8_planted.onnx").get("version").asLong();
        long e2e = register("e2e_planted.onnx").get("version").asLong();
        post("/api/v1/vision/models/" + v8 + "/promote");
        byte[] images = zip("frame.png", png(64, 64));
        // a person and a bicycle where yolov8_planted answers them (gain 1 on 64 x 64: boxes as planted)
        byte[] planted = coco(new double[] {1, 15, 20, 10, 20}, new double[] {2, 16, 20, 10, 20});
        JsonNode challenger = evaluated(e2e, planted, images);
        // e2e: the person exactly (AP 1), no bicycle there (AP 0)
        assertThat(challenger.get("map").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(challenger.get("result").get("per_class").get(0).get("ap").asDouble())
                .isCloseTo(1.0, within(1e-9));
        assertThat(challenger.get("result").get("per_class").get(1).get("ap").asDouble())
                .isZero();
        assertThat(challenger.get("steps_done").asInt()).isEqualTo(1);
        assertThat(challenger.get("decision").asString()).contains("not comparable");
        JsonNode champion = evaluated(v8, planted, images);
        assertThat(champion.get("map").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(champion.get("result").get("map50").asDouble()).isCloseTo(1.0, within(1e-9));
        JsonNode v8Model =
                JSON.readTree(http().get("/api/v1/vision/models/" + v8).body());
        assertThat(v8Model.get("metrics").get("map").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(v8Model.get("metrics").get("job_id").asString())
                .isEqualTo(champion.get("id").asString());
        assertThat(evaluated(e2e, planted, images).get("decision").asString())
                .contains("does not beat champion v" + v8);
        // on a full-frame bicycle e2e wins (AP 1 against 0): promoted on evaluation
        byte[] fullFrame = coco(new double[] {2, 0, 0, 64, 64});
        assertThat(evaluated(v8, fullFrame, images).get("map").asDouble()).isZero();
        assertThat(evaluated(e2e, fullFrame, images).get("decision").asString())
                .startsWith("champion: beats champion v" + v8);
        assertThat(JSON.readTree(http().get("/api/v1/vision/models/" + e2e).body())
                        .get("status")
                        .asString())
                .isEqualTo("champion");
        post("/api/v1/vision/models/" + v8 + "/promote");
    }

    @Test
    void evaluationRefusesUnsafeNamesZipBombsTooManyEntriesAndMismatchedInput() {
        long v8 = register("yolov8_planted.onnx").get("version").asLong();
        byte[] planted = coco(new double[] {1, 15, 20, 10, 20});
        byte[] image = png(64, 64);
        HttpResponse<String> traversal = evaluate(v8, planted, zip("../frame.png", image));
        assertThat(traversal.statusCode()).as(traversal.body()).isEqualTo(400);
        assertThat(traversal.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(JSON.readTree(traversal.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("images");
        // 4 MB of zeros deflate to a few KB: an expansion far over 100
        HttpResponse<String> bomb = evaluate(v8, planted, zip("frame.png", new byte[4 << 20]));
        assertThat(bomb.statusCode()).as(bomb.body()).isEqualTo(413);
        assertThat(JSON.readTree(bomb.body()).get("detail").asString()).contains("VISION_ZIP_MAX_RATIO");
        Object[] many = new Object[2 * 501];
        // the test profile allows 500 entries (WebApiTest)
        for (int i = 0; i < 501; i++) {
            many[2 * i] = "f" + i;
            many[2 * i + 1] = new byte[0];
        }
        HttpResponse<String> tooMany = evaluate(v8, planted, zip(many));
        assertThat(tooMany.statusCode()).as(tooMany.body()).isEqualTo(413);
        assertThat(JSON.readTree(tooMany.body()).get("detail").asString()).contains("VISION_ZIP_MAX_ENTRIES");
        HttpResponse<String> missing = evaluate(v8, planted, zip("other.png", image));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(missing.body()).get("detail").asString()).contains("frame.png");
        HttpResponse<String> badBox = evaluate(v8, coco(new double[] {1, 0, 0, -1, 5}), zip("frame.png", image));
        assertThat(badBox.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badBox.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("annotations.annotations[0].bbox");
        byte[] otherClasses = new String(planted, StandardCharsets.UTF_8)
                .replace("person", "zebra")
                .replace("bicycle", "giraffe")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> unmatched = evaluate(v8, otherClasses, zip("frame.png", image));
        assertThat(unmatched.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(unmatched.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("annotations.categories");
        assertThat(evaluate(999_999, planted, zip("frame.png", image)).statusCode())
                .isEqualTo(404);
        assertThat(http().get("/api/v1/vision/jobs/no-such-job").statusCode()).isEqualTo(404);
    }

    HttpResponse<byte[]> export(String query, byte[] annotations, byte[] images) {
        Multipart body = new Multipart()
                .file("annotations", "coco.json", "application/json", annotations)
                .file("images", "images.zip", "application/zip", images);
        try {
            return HttpClient.newHttpClient()
                    .send(
                            http().request("/api/v1/vision/datasets/export" + query)
                                    .header("X-API-Key", HttpClientSupport.KEY)
                                    .header("Content-Type", body.contentType())
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The export through the server: a JPEG stored 64 x 32 with EXIF orientation 6 is 32 x 64 upright, so a
     * 16 x 32 box at (4, 8) is {@code 1 0.375 0.375 0.5 0.5} (bicycle is COCO category 2 → class 1); computed by hand.
     */
    @Test
    void exportAnswersAYoloDatasetNormalisedByTheUprightImage() throws IOException {
        byte[] jpeg = ExifOrientationTest.withOrientation(ExifOrientationTest.quadrants(), 6, true);
        HttpResponse<byte[]> r =
                export("?seed=3&path=/data/x", coco(new double[] {2, 4, 8, 16, 32}), zip("frame.png", jpeg));
        assertThat(r.statusCode())
                .as(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(r.headers().firstValue("X-Dataset-Boxes")).hasValue("1");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(entries).containsOnlyKeys("images/train/frame.png", "labels/train/frame.txt", "data.yaml");
        assertThat(entries.get("images/train/frame.png")).isEqualTo(jpeg);
        assertThat(new String(entries.get("labels/train/frame.txt"), StandardCharsets.UTF_8))
                .isEqualTo("1 0.375000 0.375000 0.500000 0.500000\n");
        assertThat(new String(entries.get("data.yaml"), StandardCharsets.UTF_8))
                .contains("path: \"/data/x\"", "  0: \"person\"\n  1: \"bicycle\"\n");

        HttpResponse<byte[]> badFraction = export("?val_fraction=2", coco(), zip("frame.png", jpeg));
        assertThat(badFraction.statusCode()).isEqualTo(400);
        assertThat(new String(badFraction.body(), StandardCharsets.UTF_8)).contains("\"field\":\"val_fraction\"");
        HttpResponse<byte[]> bomb = export("", coco(), zip("frame.png", new byte[4 << 20]));
        assertThat(bomb.statusCode()).isEqualTo(413);
        HttpResponse<byte[]> missing = export("", coco(), zip("other.png", jpeg));
        assertThat(missing.statusCode()).isEqualTo(400);
    }

    /** An ad set of its own in the store (one imported insight day), so creatives have somewhere to go. */
    void importAdSet(String account, String adset) {
        String row = "{\"data\":[{\"account_id\":\"" + account + "\",\"account_currency\":\"EUR\","
                + "\"campaign_id\":\"c-" + adset + "\",\"adset_id\":\"" + adset + "\",\"date_start\":\"2026-10-01\","
                + "\"date_stop\":\"2026-10-01\",\"spend\":\"10.00\",\"impressions\":\"1000\",\"clicks\":\"10\"}]}";
        HttpResponse<String> r = http().postJson("/api/v1/accounts/" + account + "/insights", row);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    static byte[] solidPng(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aCreativeIsAnalysedOnceStoredByContentAndItsFeaturesBecomeAdSetAttributes() {
        long v8 = register("yolov8_planted.onnx").get("version").asLong();
        importAdSet("777001", "creative-adset-1");
        String path = "/api/v1/accounts/act_777001/adsets/creative-adset-1/creatives";
        byte[] red = solidPng(64, 64, 0xff0000);
        HttpResponse<String> first =
                upload(path + "?model_version=" + v8, new Multipart().file("file", "red.png", "image/png", red));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode c = JSON.readTree(first.body());
        assertThat(c.get("account_id").asString()).isEqualTo("777001");
        assertThat(c.get("media_type").asString()).isEqualTo("image");
        JsonNode f = c.get("features");
        // conf 0.25 on 64 x 64 (gain 1): persons (15, 20, 25, 40) and (46, 26, 54, 34), bicycles (16, 20, 26, 40)
        // and (50, 15, 64, 25) after clipping; see OnnxDetectorTest
        assertThat(f.get("person_present").asBoolean()).isTrue();
        assertThat(f.get("person_share_opening").asDouble()).isEqualTo(1.0);
        assertThat(f.get("objects").get("person").get("max_count").asInt()).isEqualTo(2);
        assertThat(f.get("objects").get("person").get("mean_area_share").asDouble())
                .isCloseTo((200 + 64) / 4096.0, within(1e-9));
        assertThat(f.get("objects").get("bicycle").get("mean_area_share").asDouble())
                .isCloseTo((200 + 140) / 4096.0, within(1e-9));
        // pure red: luma 0.299, Hasler-Süsstrunk M = 0.3 * |(255, 127.5)|
        assertThat(f.get("brightness").asDouble()).isCloseTo(0.299, within(1e-9));
        assertThat(f.get("colourfulness").asDouble()).isCloseTo(0.3 * Math.hypot(255, 127.5), within(1e-9));
        assertThat(f.get("dominant_colours").get(0).get("hex").asString()).isEqualTo("#ff0000");
        assertThat(f.get("aspect_ratio").asDouble()).isEqualTo(1.0);
        assertThat(c.get("attributes").get("creative_person").asString()).isEqualTo("yes");
        assertThat(c.get("attributes").get("creative_brightness").asString()).isEqualTo("dark");
        assertThat(c.get("attributes").get("creative_colourfulness").asString()).isEqualTo("high");
        // the same bytes again: the stored creative, 200
        HttpResponse<String> again =
                upload(path + "?model_version=" + v8, new Multipart().file("file", "copy.png", "image/png", red));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("id").asString())
                .isEqualTo(c.get("id").asString());
        assertThat(JSON.readTree(http().get(path).body()).size()).isEqualTo(1);
        assertThat(http().get(path + "/" + c.get("id").asString()).statusCode()).isEqualTo(200);
        assertThat(http().get(path + "/no-such-creative").statusCode()).isEqualTo(404);
        // the ad set's attributes, which the ml data set reads, carry the creative's
        JsonNode adsets =
                JSON.readTree(http().get("/api/v1/accounts/777001/adsets").body());
        assertThat(adsets.toString()).contains("\"creative_person\":\"yes\"", "\"creative_media\":\"image\"");
        HttpResponse<String> text = upload(path, new Multipart().file("file", "x.txt", "text/plain", "hi".getBytes()));
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(text.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("file");
        HttpResponse<String> unknown = upload(
                "/api/v1/accounts/777001/adsets/no-such-adset/creatives",
                new Multipart().file("file", "red.png", "image/png", red));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("adset_id");
    }

    @Test
    void aCreativeKeepsAThumbnailAndItsFirstFramesBoxesReplacedWhenReanalysed() throws IOException {
        long v8 = register("yolov8_planted.onnx").get("version").asLong();
        long e2e = register("e2e_planted.onnx").get("version").asLong();
        importAdSet("777003", "preview-adset-1");
        String path = "/api/v1/accounts/777003/adsets/preview-adset-1/creatives";
        byte[] wide = solidPng(640, 320, 0x3366cc);
        HttpResponse<String> first =
                upload(path + "?model_version=" + v8, new Multipart().file("file", "wide.png", "image/png", wide));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String id = JSON.readTree(first.body()).get("id").asString();
        CreativePreview preview = creatives.preview("act_777003", id).orElseThrow();
        assertThat(preview.width()).isEqualTo(320);
        assertThat(preview.height()).isEqualTo(160);
        assertThat(preview.originalWidth()).isEqualTo(640);
        assertThat(preview.originalHeight()).isEqualTo(320);
        // gain 0.1, 16 rows of padding: the planted person (15, 20, 25, 40) is (150, 40, 250, 240) in the upload
        assertThat(preview.boxes()).hasSize(4);
        CreativePreview.Box person = preview.boxes().get(0);
        assertThat(person.className()).isEqualTo("person");
        assertThat(new double[] {person.x1(), person.y1(), person.x2(), person.y2()})
                .containsExactly(new double[] {150, 40, 250, 240}, within(1e-6));
        BufferedImage thumbnail = ImageIO.read(
                new ByteArrayInputStream(creatives.thumbnail("777003", id).orElseThrow()));
        assertThat(thumbnail.getWidth()).isEqualTo(320);
        assertThat(thumbnail.getHeight()).isEqualTo(160);
        assertThat(thumbnail.getRGB(160, 80) & 0xff).isBetween(0xcc - 8, 0xcc + 8);
        // another account does not see it
        assertThat(creatives.preview("777001", id)).isEmpty();
        assertThat(creatives.thumbnail("777001", id)).isEmpty();

        // re-analysed by another model: the preview is that model's
        HttpResponse<String> again =
                upload(path + "?model_version=" + e2e, new Multipart().file("file", "wide.png", "image/png", wide));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode detected = JSON.readTree(upload(
                                "/api/v1/vision/detect?model_version=" + e2e,
                                new Multipart().file("image", "wide.png", "image/png", wide))
                        .body())
                .get("detections");
        List<CreativePreview.Box> boxes =
                creatives.preview("777003", id).orElseThrow().boxes();
        assertThat(boxes).hasSize(detected.size());
        for (int i = 0; i < boxes.size(); i++) {
            assertThat(boxes.get(i).className())
                    .isEqualTo(detected.get(i).get("class").asString());
            assertThat(boxes.get(i).x2())
                    .isCloseTo(detected.get(i).get("box").get(2).asDouble(), within(1e-6));
        }
        assertThat(creatives.listAccount("777003", 10)).hasSize(1);
    }

    @Test
    void aVideoIsSampledAtOneFramePerSecondWithFfmpeg() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ffmpeg")), "install Debian package ffmpeg");
        long v8 = register("yolov8_planted.onnx").get("version").asLong();
        importAdSet("777002", "video-adset-1");
        Path dir = Files.createTempDirectory("vision-clip-");
        Path clip = dir.resolve("clip.mp4");
        // 3 s of ffmpeg's test pattern, 64 x 64, 5 frames per second
        Process p = new ProcessBuilder(
                        "/usr/bin/ffmpeg",
                        "-nostdin",
                        "-loglevel",
                        "error",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc=size=64x64:rate=5",
                        "-t",
                        "3",
                        "-c:v",
                        "mpeg4",
                        clip.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor()).isZero();
        byte[] video = Files.readAllBytes(clip);
        Files.delete(clip);
        Files.delete(dir);
        HttpResponse<String> r = upload(
                "/api/v1/accounts/777002/adsets/video-adset-1/creatives?model_version=" + v8,
                new Multipart().file("file", "clip.mp4", "video/mp4", video));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode c = JSON.readTree(r.body());
        assertThat(c.get("media_type").asString()).isEqualTo("video");
        assertThat(c.get("features").get("frames").asInt()).isEqualTo(3);
        assertThat(c.get("features").get("duration_seconds").asDouble()).isCloseTo(3.0, within(0.05));
        // the planted model sees its person in every frame: all of the opening
        assertThat(c.get("features").get("person_share_opening").asDouble()).isEqualTo(1.0);
        assertThat(c.get("features")
                        .get("objects")
                        .get("person")
                        .get("presence")
                        .asDouble())
                .isEqualTo(1.0);
        assertThat(c.get("attributes").get("creative_media").asString()).isEqualTo("video");
        // the thumbnail is the first sampled frame, with that frame's boxes
        CreativePreview preview =
                creatives.preview("777002", c.get("id").asString()).orElseThrow();
        assertThat(preview.originalWidth()).isEqualTo(64);
        assertThat(preview.width()).isEqualTo(64);
        assertThat(preview.boxes()).extracting(CreativePreview.Box::className).contains("person");
        assertThat(ImageIO.read(new ByteArrayInputStream(creatives
                                .thumbnail("777002", c.get("id").asString())
                                .orElseThrow()))
                        .getHeight())
                .isEqualTo(64);
        assertThat(c.get("attributes").get("creative_person_opening").asString())
                .isEqualTo("yes");
    }
}
