package io.metasystem.mlcore.vision;

import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.errors.NotFoundException;
import io.metasystem.mlcore.ml.Datasets;
import io.metasystem.mlcore.store.AccountIds;
import io.metasystem.mlcore.store.AdSetAttributes;
import io.metasystem.mlcore.store.AdSetCatalog;
import io.metasystem.mlcore.store.SqlDialect;
import io.metasystem.mlcore.store.StoredJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Creatives of an ad set: an uploaded image, or a video sampled at one frame per second ({@link VideoFrames}), is
 * run through a vision model (Ultralytics' prediction defaults) and its {@link CreativeFeatures} are stored in
 * {@code vision_creative}, once per (account, ad set, SHA-256 of the bytes): the same file again answers the stored
 * creative, or re-analyses it in place when another model version is asked for or it has no preview yet (stored
 * before V86). After each upload the ad set's
 * {@code creative_*} attributes are recomputed from all its creatives ({@link CreativeAttributes}), so the ml data
 * set and the priors see them as they see any ad-set attribute. With the creative, in the same transaction, its
 * {@link CreativePreview} is stored ({@code vision_creative_preview}): a JPEG thumbnail of the first analysed frame
 * ({@link Thumbnails}) and that frame's detections, for the dashboard.
 */
@Service
public class VisionCreatives {
    private static final String COLUMNS = "id, account_id, adset_id, file_name, media_type, sha256, model_version, "
            + "cast(features as varchar) as features, created_at";

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final VisionModelRegistry registry;
    private final VisionDetection detection;
    private final AdSetCatalog catalog;
    private final VisionProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public VisionCreatives(
            JdbcClient jdbc,
            SqlDialect dialect,
            VisionModelRegistry registry,
            VisionDetection detection,
            AdSetCatalog catalog,
            VisionProperties properties,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.registry = registry;
        this.detection = detection;
        this.catalog = catalog;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What {@link #analyse} did: stored a new creative, or found (and possibly re-analysed) the same bytes. */
    public record Upload(Creative creative, boolean created) {}

    /**
     * @param modelVersion nullable: the champion
     * @throws NotFoundException for an unknown account, ad set or model version, or when there is no model
     * @throws InvalidInputException (field {@code file}) when the bytes are neither an image nor a video
     * @throws io.metasystem.mlcore.errors.ProblemException 413 over {@code VISION_MAX_PIXELS}; 503 a video without
     *     ffmpeg
     */
    public Upload analyse(String accountId, String adsetId, byte[] bytes, String fileName, Long modelVersion) {
        String account = AccountIds.canonical(accountId);
        requireAdSet(account, adsetId);
        VisionModel model = registry.resolve(modelVersion);
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("file", "is empty");
        }
        String sha = Datasets.sha256(bytes);
        Optional<Creative> existing = find(account, adsetId, sha);
        if (existing.isPresent()
                && Long.valueOf(model.version()).equals(existing.get().modelVersion())
                && hasPreview(existing.get().id())) {
            return new Upload(existing.get().withAttributes(applyAttributes(account, adsetId)), false);
        }
        Analysis analysis = analyseFrames(bytes, model);
        CreativeFeatures features = analysis.features();
        String json = StoredJson.MAPPER.writeValueAsString(features);
        String name = fileName == null ? null : fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
        Thumbnails.Thumbnail thumbnail = Thumbnails.of(analysis.first());
        String detections = StoredJson.MAPPER.writeValueAsString(
                analysis.detections().stream().map(CreativePreview.Box::of).toList());
        transactions.executeWithoutResult(status -> {
            String id;
            if (existing.isPresent()) {
                id = existing.get().id();
                jdbc.sql("update vision_creative set features = " + dialect.json(":features")
                                + ", model_version = :v, file_name = :file where id = :id")
                        .param("features", json)
                        .param("v", model.version())
                        .param("file", name)
                        .param("id", id)
                        .update();
            } else {
                id = UUID.randomUUID().toString();
                jdbc.sql("insert into vision_creative (id, account_id, adset_id, file_name, media_type, sha256, "
                                + "model_version, features, created_at) values (:id, :account, :adset, :file, "
                                + ":media, :sha, :v, " + dialect.json(":features") + ", :now)")
                        .param("id", id)
                        .param("account", account)
                        .param("adset", adsetId)
                        .param("file", name)
                        .param("media", features.mediaType())
                        .param("sha", sha)
                        .param("v", model.version())
                        .param("features", json)
                        .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                        .update();
            }
            jdbc.sql("delete from vision_creative_preview where creative_id = :id")
                    .param("id", id)
                    .update();
            jdbc.sql("insert into vision_creative_preview (creative_id, thumbnail, thumbnail_width, "
                            + "thumbnail_height, original_width, original_height, detections) values (:id, "
                            + ":jpeg, :w, :h, :ow, :oh, " + dialect.json(":detections") + ")")
                    .param("id", id)
                    .param("jpeg", thumbnail.jpeg())
                    .param("w", thumbnail.width())
                    .param("h", thumbnail.height())
                    .param("ow", analysis.first().width())
                    .param("oh", analysis.first().height())
                    .param("detections", detections)
                    .update();
        });
        Creative stored = find(account, adsetId, sha).orElseThrow();
        return new Upload(stored.withAttributes(applyAttributes(account, adsetId)), existing.isEmpty());
    }

    /** The ad set's creatives, oldest first. */
    public List<Creative> list(String accountId, String adsetId) {
        String account = AccountIds.canonical(accountId);
        requireAdSet(account, adsetId);
        return select(account, adsetId, "order by created_at, id", "", "").list();
    }

    /** @throws NotFoundException (field {@code creative_id}) when the ad set has no such creative */
    public Creative get(String accountId, String adsetId, String id) {
        String account = AccountIds.canonical(accountId);
        return select(account, adsetId, "and id = :key", "key", id)
                .optional()
                .orElseThrow(() -> new NotFoundException(
                        "creative", id, "creative_id", "ad set '" + adsetId + "' has no creative " + id));
    }

    /** The creatives of all the account's ad sets, newest first; {@code limit} at most. */
    public List<Creative> listAccount(String accountId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from vision_creative where account_id = :account "
                        + "order by created_at desc, id limit :limit")
                .param("account", AccountIds.canonical(accountId))
                .param("limit", limit)
                .query(VisionCreatives::map)
                .list();
    }

    /** The preview of one of the account's creatives; empty when it has none (stored before V86) or no such one. */
    public Optional<CreativePreview> preview(String accountId, String creativeId) {
        return Optional.ofNullable(previews(accountId, List.of(creativeId)).get(creativeId));
    }

    /**
     * The previews of some of the account's creatives, in one query.
     *
     * @return by creative id; a creative without preview (stored before V86), or not the account's, is absent
     */
    public Map<String, CreativePreview> previews(String accountId, List<String> creativeIds) {
        Map<String, CreativePreview> found = new HashMap<>();
        if (creativeIds.isEmpty()) {
            return found;
        }
        jdbc.sql("select p.creative_id, p.thumbnail_width, p.thumbnail_height, p.original_width, "
                        + "p.original_height, cast(p.detections as varchar) as detections from "
                        + "vision_creative_preview p join vision_creative c on c.id = p.creative_id "
                        + "where c.account_id = :account and c.id in (:ids)")
                .param("account", AccountIds.canonical(accountId))
                .param("ids", creativeIds)
                .query((rs, row) -> new CreativePreview(
                        rs.getString("creative_id"),
                        rs.getInt("thumbnail_width"),
                        rs.getInt("thumbnail_height"),
                        rs.getInt("original_width"),
                        rs.getInt("original_height"),
                        List.of(StoredJson.MAPPER.readValue(rs.getString("detections"), CreativePreview.Box[].class))))
                .list()
                .forEach(p -> found.put(p.creativeId(), p));
        return found;
    }

    /** The JPEG thumbnail of one of the account's creatives; empty when it has none or there is no such one. */
    public Optional<byte[]> thumbnail(String accountId, String creativeId) {
        return jdbc.sql("select p.thumbnail from vision_creative_preview p join vision_creative c on "
                        + "c.id = p.creative_id where c.account_id = :account and c.id = :id")
                .param("account", AccountIds.canonical(accountId))
                .param("id", creativeId)
                .query((rs, row) -> rs.getBytes("thumbnail"))
                .optional();
    }

    private boolean hasPreview(String creativeId) {
        return jdbc.sql("select count(*) from vision_creative_preview where creative_id = :id")
                        .param("id", creativeId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Features of all frames, and the first frame with its detections (the preview). */
    private record Analysis(CreativeFeatures features, Images.Decoded first, List<VisionDetection.Found> detections) {}

    private Analysis analyseFrames(byte[] bytes, VisionModel model) {
        List<Images.Decoded> frames = new ArrayList<>();
        String media;
        Double duration = null;
        if (Images.readable(bytes)) {
            media = "image";
            frames.add(Images.decode(bytes, properties.maxPixels(), "file"));
        } else if (VideoFrames.looksLikeVideo(bytes)) {
            media = "video";
            VideoFrames.Sampled sampled = VideoFrames.sample(bytes, "file", properties);
            duration = sampled.durationSeconds();
            for (byte[] png : sampled.frames()) {
                frames.add(Images.decode(png, properties.maxPixels(), "file"));
            }
        } else {
            throw new InvalidInputException(
                    "file", "is neither an image (PNG, JPEG, GIF, BMP) nor a video (MP4, MOV, WebM, MKV, AVI)");
        }
        List<CreativeFeatures.Frame> analysed = new ArrayList<>();
        List<int[]> pixels = new ArrayList<>();
        for (Images.Decoded frame : frames) {
            analysed.add(new CreativeFeatures.Frame(
                    ImageFeatures.of(frame.rgb(), frame.width(), frame.height()),
                    detection.run(model, frame, DetectionSettings.DEFAULTS)));
            pixels.add(frame.rgb());
        }
        Images.Decoded first = frames.get(0);
        return new Analysis(
                CreativeFeatures.of(media, first.width(), first.height(), duration, analysed, pixels),
                first,
                analysed.get(0).detections());
    }

    /** Recomputes the ad set's {@code creative_*} attributes from all its creatives; returns them. */
    private Map<String, String> applyAttributes(String account, String adsetId) {
        List<CreativeFeatures> all =
                list(account, adsetId).stream().map(Creative::features).toList();
        Map<String, String> creative = CreativeAttributes.of(all);
        Map<String, String> merged = new TreeMap<>(catalog.attributes(account)
                .getOrDefault(adsetId, AdSetAttributes.NONE)
                .values());
        merged.keySet().removeIf(k -> k.startsWith(CreativeAttributes.PREFIX));
        merged.putAll(creative);
        catalog.putAttributes(account, adsetId, new AdSetAttributes(merged));
        return creative;
    }

    private Optional<Creative> find(String account, String adsetId, String sha) {
        return select(account, adsetId, "and sha256 = :key", "key", sha).optional();
    }

    /** The ad set's creatives with a condition on {@code :key} (none when {@code keyName} is empty). */
    private JdbcClient.MappedQuerySpec<Creative> select(
            String account, String adsetId, String tail, String keyName, String key) {
        JdbcClient.StatementSpec spec = jdbc.sql("select " + COLUMNS + " from vision_creative where account_id = "
                        + ":account and adset_id = :adset " + tail)
                .param("account", account)
                .param("adset", adsetId);
        if (!keyName.isEmpty()) {
            spec = spec.param(keyName, key);
        }
        return spec.query(VisionCreatives::map);
    }

    /** The ad set must be stored (imported insights or the catalog): 404 naming the field otherwise. */
    private void requireAdSet(String account, String adsetId) {
        if (adsetId == null || adsetId.isBlank() || adsetId.length() > 64) {
            throw new InvalidInputException("adset_id", "1-64 characters");
        }
        boolean found = jdbc.sql("select count(*) from ad_set where account_id = :account and id = :id")
                        .param("account", account)
                        .param("id", adsetId)
                        .query(Long.class)
                        .single()
                > 0;
        if (!found) {
            throw new NotFoundException(
                    "ad set", adsetId, "adset_id", "Account '" + account + "' has no ad set '" + adsetId + "'");
        }
    }

    private static Creative map(ResultSet rs, int row) throws SQLException {
        long version = rs.getLong("model_version");
        Long modelVersion = rs.wasNull() ? null : version;
        return new Creative(
                rs.getString("id"),
                rs.getString("account_id"),
                rs.getString("adset_id"),
                rs.getString("file_name"),
                rs.getString("media_type"),
                rs.getString("sha256"),
                modelVersion,
                StoredJson.MAPPER.readValue(rs.getString("features"), CreativeFeatures.class),
                rs.getObject("created_at", OffsetDateTime.class),
                null);
    }
}
