package io.metasystem.mlcore.web;

import io.metasystem.mlcore.store.InsightImporter;
import io.metasystem.mlcore.store.InsightStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The creatives page in a real browser: a creative uploaded through the API with the planted fixture model
 * ({@code src/test/resources/vision/yolov8_planted.onnx}, whose boxes are known in closed form, see
 * {@code OnnxDetectorTest}) shows its thumbnail from the store with the detected boxes drawn at the scaled
 * coordinates; the thumbnail needs a session; an account without creatives says so. Same configuration as
 * {@link DashboardBrowserTest} (one Spring context), accounts of its own.
 */
@DashboardBrowserContext
class DashboardCreativesBrowserTest extends BrowserPageTest {
    static final String ACCOUNT = "555000888";
    static final String EMPTY_ACCOUNT = "555000889";
    /** A 512 x 256 upload becomes a 320 x 160 thumbnail. */
    private static final double SCALE = 320.0 / 512;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    InsightImporter importer;

    @Autowired
    InsightStore insights;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void seedAndSignOut() throws Exception {
        for (String account : List.of(ACCOUNT, EMPTY_ACCOUNT)) {
            SeededCsv.importInto(importer, account);
        }
        signOut();
    }

    @Test
    void anUploadedCreativeShowsItsThumbnailWithThePlantedBoxesScaledAndItsFeatures() throws Exception {
        String adset = insights.adSets(ACCOUNT, 0, 100).items().get(0).id();
        String adsetName = insights.adSets(ACCOUNT, 0, 100).items().get(0).name();
        // registered under the name the models page test expects, in case this class runs first
        long version = JSON.readTree(upload(
                                "/api/v1/vision/models",
                                "planted.onnx",
                                "application/octet-stream",
                                Files.readAllBytes(Path.of("src/test/resources/vision/yolov8_planted.onnx")))
                        .body())
                .get("version")
                .asLong();
        byte[] poster = poster();
        HttpResponse<String> created = upload(
                "/api/v1/accounts/act_" + ACCOUNT + "/adsets/" + adset + "/creatives?model_version=" + version,
                "poster.png",
                "image/png",
                poster);
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
        String creativeId = JSON.readTree(created.body()).get("id").asString();
        // what the model detects in these bytes, in the original's pixels
        JsonNode detected = JSON.readTree(
                        upload("/api/v1/vision/detect?model_version=" + version, "poster.png", "image/png", poster)
                                .body())
                .get("detections");
        assertThat(detected.size()).isEqualTo(4);

        signIn();
        browser.driver.get(base() + "/dashboard/accounts/" + ACCOUNT + "?lang=en");
        browser.driver.findElement(By.id("creatives-link")).click();
        browser.awaitUrlContains("/creatives");
        WebElement card = browser.driver.findElement(By.cssSelector("[data-creative='" + creativeId + "']"));
        WebElement img = card.findElement(By.cssSelector("img"));
        browser.await()
                .until(d -> ((Number) ((JavascriptExecutor) d)
                                        .executeScript(
                                                "return arguments[0].complete ? arguments[0].naturalWidth : 0", img))
                                .intValue()
                        > 0);
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        assertThat(((Number) js.executeScript("return arguments[0].naturalWidth", img)).intValue())
                .isEqualTo(320);
        assertThat(((Number) js.executeScript("return arguments[0].naturalHeight", img)).intValue())
                .isEqualTo(160);
        assertThat(img.getAttribute("alt")).isEqualTo("Thumbnail of poster.png with 4 detected object(s) outlined");

        WebElement svg = card.findElement(By.cssSelector("svg.boxes"));
        assertThat(svg.getDomAttribute("viewBox")).isEqualTo("0 0 320 160");
        List<WebElement> boxes = svg.findElements(By.cssSelector("g.box"));
        assertThat(boxes).hasSize(detected.size());
        // the planted person (15, 20, 25, 40) of the 64 x 64 letterbox: gain 1/8 and 16 rows of padding give
        // (120, 32, 200, 192) in the upload, (75, 20, 125, 120) in the thumbnail
        WebElement person = boxes.get(0);
        assertThat(person.getAttribute("data-class")).isEqualTo("person");
        assertRect(person.findElement(By.tagName("rect")), 75, 20, 50, 100);
        assertThat(person.findElement(By.tagName("text")).getText()).matches("person 0\\.\\d\\d");
        for (int i = 0; i < boxes.size(); i++) {
            JsonNode d = detected.get(i);
            double[] b =
                    d.get("box").valueStream().mapToDouble(JsonNode::asDouble).toArray();
            WebElement g = boxes.get(i);
            assertThat(g.getAttribute("data-class")).isEqualTo(d.get("class").asString());
            assertRect(
                    g.findElement(By.tagName("rect")),
                    b[0] * SCALE,
                    b[1] * SCALE,
                    (b[2] - b[0]) * SCALE,
                    (b[3] - b[1]) * SCALE);
            assertThat(g.findElement(By.tagName("text")).getText())
                    .isEqualTo(d.get("class").asString() + " "
                            + String.format(Locale.ROOT, "%.2f", d.get("score").asDouble()));
        }
        assertThat(card.findElement(By.cssSelector(".detections")).getText()).contains("person 0.");
        assertThat(card.getText()).contains(adsetName, "poster.png", "Image · 512×256", "v" + version);
        assertThat(card.findElement(By.cssSelector("[data-feature='aspect_ratio']"))
                        .getText())
                .isEqualTo("2.00");
        assertThat(card.findElement(By.cssSelector("[data-feature='person_share_opening']"))
                        .getText())
                .isEqualTo("100%");
        assertThat(card.findElement(By.cssSelector("[data-feature='duration']")).getText())
                .isEqualTo("—");
        assertThat(browser.consoleProblems()).isEmpty();
        Path shot = browser.screenshot("dashboard-creatives", 1280);
        assertThat(shot).exists();

        // the thumbnail route: the session's cookie gets the JPEG, no session is sent to sign in, unknown is 404
        String session = session();
        String path = "/dashboard/accounts/" + ACCOUNT + "/creatives/" + creativeId + "/thumbnail.jpg";
        HttpResponse<byte[]> jpeg = http.send(
                HttpRequest.newBuilder(url(path))
                        .header("Cookie", session)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(jpeg.statusCode()).isEqualTo(200);
        assertThat(jpeg.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(jpeg.body()));
        assertThat(thumb.getWidth()).isEqualTo(320);
        HttpResponse<byte[]> anonymous =
                http.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<byte[]> unknown = http.send(
                HttpRequest.newBuilder(url("/dashboard/accounts/" + ACCOUNT + "/creatives/nope/thumbnail.jpg"))
                        .header("Cookie", session)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(unknown.statusCode()).isEqualTo(404);

        // a creative stored before previews existed: no image, a note; its file again stores the preview (200)
        jdbc.sql("delete from vision_creative_preview where creative_id = :id")
                .param("id", creativeId)
                .update();
        browser.driver.get(base() + "/dashboard/accounts/" + ACCOUNT + "/creatives?lang=en");
        WebElement legacy = browser.driver.findElement(By.cssSelector("[data-creative='" + creativeId + "']"));
        assertThat(legacy.findElements(By.tagName("img"))).isEmpty();
        assertThat(legacy.findElement(By.cssSelector(".no-preview")).getText()).startsWith("No thumbnail stored");
        HttpResponse<String> again = upload(
                "/api/v1/accounts/act_" + ACCOUNT + "/adsets/" + adset + "/creatives?model_version=" + version,
                "poster.png",
                "image/png",
                poster);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("id").asString()).isEqualTo(creativeId);
        browser.driver.get(base() + "/dashboard/accounts/" + ACCOUNT + "/creatives?lang=en");
        assertThat(browser.driver.findElements(By.cssSelector("[data-creative='" + creativeId + "'] svg.boxes g.box")))
                .hasSize(detected.size());
        browser.screenshot("dashboard-creatives-phone", 390);
        assertThat(browser.consoleProblems()).isEmpty();

        // Spanish
        browser.driver.get(base() + "/dashboard/accounts/" + ACCOUNT + "/creatives?lang=es");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Creatividades");
        assertThat(browser.driver
                        .findElement(
                                By.cssSelector("[data-creative='" + creativeId + "'] [data-feature='aspect_ratio']"))
                        .getText())
                .isEqualTo("2,00");
        assertThat(browser.consoleProblems()).isEmpty();
        browser.driver.get(base() + "/dashboard?lang=en");
    }

    @Test
    void anAccountWithoutCreativesSaysSoAndAnUnknownAccountIsNotFound() {
        signIn();
        browser.driver.get(base() + "/dashboard/accounts/" + EMPTY_ACCOUNT + "/creatives?lang=en");
        assertThat(browser.driver.findElement(By.id("no-creatives")).getText())
                .startsWith("No creative of this account has been analysed yet");
        assertThat(browser.driver.findElements(By.cssSelector("[data-creative]")))
                .isEmpty();
        assertThat(browser.consoleProblems()).isEmpty();
        browser.driver.get(base() + "/dashboard/accounts/999000999/creatives?lang=en");
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("999000999");
    }

    private static void assertRect(WebElement rect, double x, double y, double width, double height) {
        assertThat(Double.parseDouble(rect.getDomAttribute("x"))).isCloseTo(x, within(1.0));
        assertThat(Double.parseDouble(rect.getDomAttribute("y"))).isCloseTo(y, within(1.0));
        assertThat(Double.parseDouble(rect.getDomAttribute("width"))).isCloseTo(width, within(1.0));
        assertThat(Double.parseDouble(rect.getDomAttribute("height"))).isCloseTo(height, within(1.0));
    }

    /** A 512 x 256 poster: a dusk gradient with a figure where the fixture model plants its person. */
    private static byte[] poster() throws IOException {
        BufferedImage image = new BufferedImage(512, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setPaint(new GradientPaint(0, 0, new Color(0x1e3a8a), 512, 256, new Color(0xf472b6)));
            g.fillRect(0, 0, 512, 256);
            g.setColor(new Color(0x111827));
            g.fillOval(140, 40, 40, 40);
            g.fillRoundRect(128, 80, 64, 110, 20, 20);
            g.setColor(new Color(0xfde68a));
            g.fillOval(420, 10, 50, 50);
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
    }

    private HttpResponse<String> upload(String path, String fileName, String type, byte[] bytes) throws Exception {
        String boundary = "----mlcore-creatives-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                        + (path.contains("/detect") ? "image" : "file") + "\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(head);
        body.write(bytes);
        body.write(tail);
        return http.send(
                HttpRequest.newBuilder(url(path))
                        .header("X-API-Key", DashboardBrowserTest.KEY)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
