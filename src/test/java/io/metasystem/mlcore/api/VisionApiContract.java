package io.metasystem.mlcore.api;

import io.metasystem.mlcore.testing.WebApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Vision registry and detection through the real HTTP server, with the committed fixture models
 * (src/test/resources/vision/make_fixtures.py); on H2 ({@link VisionApiTest}) and PostgreSQL
 * ({@link PostgresVisionApiTest}).
 */
abstract class VisionApiContract extends WebApiTest {
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

    /** A zip of (name, bytes) pairs. */
    static byte[] zip(Object... nameBytes) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < nameBytes.length; i += 2) {
                z.putNextEntry(new ZipEntry((String) nameBytes[i]));
                z.write((byte[]) nameBytes[i + 1]);
                z.closeEntry();
            }
            z.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
}
