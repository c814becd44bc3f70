package io.metasystem.mlcore.testing;

import io.metasystem.mlcore.MlCoreApplication;
import io.metasystem.mlcore.api.HttpClientSupport;
import io.metasystem.mlcore.reporting.FakeYoutubeAnalyticsApi;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The plain API profile: the real server and store (H2 unless a subclass names another database), the API key, a
 * 5 MB request limit, a 256 KB import limit, XGBoost capped at 300 rounds, an ML data directory holding a copy of
 * the Kaggle sample, at most 500 entries in a vision evaluation zip and the YouTube Analytics API on a local fake.
 * Classes extending it, and declaring no context
 * configuration of their own, share one Spring context; they use their own account ids and model scopes, since the
 * store is shared.
 */
@SpringBootTest(
        classes = MlCoreApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "mlcore.api-key=" + HttpClientSupport.KEY + "," + WebApiTest.ROTATED_KEY,
            "mlcore.api-keys-readonly=" + WebApiTest.READ_ONLY_KEY,
            "mlcore.max-request-size=5MB",
            "mlcore.store.max-import-size=256KB",
            "mlcore.ml.max-rounds=300",
            "mlcore.vision.zip-max-entries=500"
        })
public abstract class WebApiTest {
    /** The second value of {@code API_KEY} (a rotation in progress). */
    public static final String ROTATED_KEY = "rotated-key-0123456789abcdef";
    /** The {@code API_KEYS_READONLY} key of this profile. */
    public static final String READ_ONLY_KEY = "read-only-key-0123456789abcdef";

    /** A temporary ML data directory with {@code kag_conversion_data.csv}, one per test JVM. */
    public static final Path DATA_DIR = copySample();

    /** The YouTube Analytics token of this profile, accepted by {@link #YOUTUBE}. */
    public static final String YOUTUBE_TOKEN = "ya29.web-api-test-token-never-logged";

    /** A local fake of the YouTube Analytics API ({@code YOUTUBE_API_BASE}), one per test JVM. */
    public static final FakeYoutubeAnalyticsApi YOUTUBE = new FakeYoutubeAnalyticsApi(YOUTUBE_TOKEN);

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry r) {
        r.add("mlcore.ml.data-dir", DATA_DIR::toString);
        r.add("mlcore.youtube.access-token", () -> YOUTUBE_TOKEN);
        r.add("mlcore.youtube.api-base", YOUTUBE::baseUrl);
        r.add("mlcore.youtube.initial-backoff", () -> "10ms");
    }

    private static Path copySample() {
        try {
            Path dir = Files.createTempDirectory("ml-data");
            Files.copy(Path.of("data/samples/kag_conversion_data.csv"), dir.resolve("kag_conversion_data.csv"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
