package io.metasystem.mlcore.ml;

import io.metasystem.mlcore.optimizer.Prior;
import io.metasystem.mlcore.store.StoredJson;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The saved model: two XGBoost boosters (conversions per unit of spend, per click), their feature encoding and the
 * prior weight measured on held-out data. One JSON file; its sha256 is the artifact checksum in the provenance.
 *
 * <p>Format 2 adds one margin offset per booster (the training rows' global log rate, see {@link XgbTrainer}).
 * Format 1 artifacts have none and load with offset 0, so they predict exactly as when they were saved.
 *
 * @param formatVersion  {@value #FORMAT_VERSION} (written) or 1 (still loads); loading another version fails
 * @param modelId        name of this model (data set, target, short checksum of the boosters)
 * @param dataset        data set the model was trained on
 * @param target         target column
 * @param encoder        feature encoding shared by both boosters
 * @param spendRounds    boosting rounds of the spend booster
 * @param clickRounds    boosting rounds of the click booster
 * @param spendBooster   base64 of the spend booster (XGBoost UBJSON)
 * @param clickBooster   base64 of the click booster (XGBoost UBJSON)
 * @param priorWeight    pseudo-conversions of an emitted prior (1/held-out overdispersion, clamped)
 * @param spendMarginOffset base margin offset of the spend booster (format 2; null in format 1)
 * @param clickMarginOffset base margin offset of the click booster (format 2; null in format 1)
 */
public record ModelArtifact(
        int formatVersion,
        String modelId,
        String dataset,
        String target,
        FeatureEncoder encoder,
        int spendRounds,
        int clickRounds,
        String spendBooster,
        String clickBooster,
        double priorWeight,
        Double spendMarginOffset,
        Double clickMarginOffset) {
    public static final int FORMAT_VERSION = 2;
    /** The format before margin offsets; still loads, with offset 0. */
    static final int FORMAT_VERSION_WITHOUT_OFFSET = 1;

    static final JsonMapper JSON = StoredJson.MAPPER;

    public ModelArtifact {
        if (formatVersion == FORMAT_VERSION_WITHOUT_OFFSET) {
            if (spendMarginOffset != null || clickMarginOffset != null) {
                throw new IllegalArgumentException("format 1 has no margin offsets");
            }
        } else if (formatVersion == FORMAT_VERSION) {
            if (spendMarginOffset == null
                    || !Double.isFinite(spendMarginOffset)
                    || clickMarginOffset == null
                    || !Double.isFinite(clickMarginOffset)) {
                throw new IllegalArgumentException(
                        "format 2 needs finite spendMarginOffset and clickMarginOffset, were " + spendMarginOffset
                                + ", " + clickMarginOffset);
            }
        } else {
            throw new IllegalArgumentException("formatVersion: expected " + FORMAT_VERSION_WITHOUT_OFFSET + " or "
                    + FORMAT_VERSION + ", was " + formatVersion);
        }
        if (!(priorWeight > 0)) {
            throw new IllegalArgumentException("priorWeight must be > 0, was " + priorWeight);
        }
    }

    static ModelArtifact of(FeatureTable table, XgbModel spend, XgbModel click, double priorWeight) {
        byte[] s = spend.boosterBytes();
        byte[] c = click.boosterBytes();
        String id = "xgb-" + table.dataset() + "-" + table.target().toLowerCase() + "-"
                + Datasets.sha256((Base64.getEncoder().encodeToString(s)
                                        + Base64.getEncoder().encodeToString(c) + "|" + spend.marginOffset() + "|"
                                        + click.marginOffset())
                                .getBytes(StandardCharsets.UTF_8))
                        .substring(0, 12);
        return new ModelArtifact(
                FORMAT_VERSION,
                id,
                table.dataset(),
                table.target(),
                spend.encoder(),
                spend.rounds(),
                click.rounds(),
                Base64.getEncoder().encodeToString(s),
                Base64.getEncoder().encodeToString(c),
                priorWeight,
                spend.marginOffset(),
                click.marginOffset());
    }

    /** Writes the artifact and returns its bytes (whose sha256 is the checksum). */
    public byte[] save(Path file) throws IOException {
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
        Files.write(file, bytes);
        return bytes;
    }

    /** @throws IllegalArgumentException if the file is not an artifact of this format */
    public static ModelArtifact load(Path file) throws IOException {
        return JSON.readValue(Files.readAllBytes(file), ModelArtifact.class);
    }

    XgbModel spendModel() {
        return XgbModel.load(
                Base64.getDecoder().decode(spendBooster),
                encoder,
                spendRounds,
                spendMarginOffset == null ? 0 : spendMarginOffset);
    }

    XgbModel clickModel() {
        return XgbModel.load(
                Base64.getDecoder().decode(clickBooster),
                encoder,
                clickRounds,
                clickMarginOffset == null ? 0 : clickMarginOffset);
    }

    /** A loaded artifact, ready to predict. */
    public Predictor predictor() {
        return new Predictor(this, spendModel(), clickModel());
    }

    /** Predictions of a loaded artifact. */
    public record Predictor(ModelArtifact artifact, XgbModel spend, XgbModel click) {
        /**
         * The row of an ad set described by its attributes. A missing or unknown categorical attribute encodes as
         * unseen (all zeros); a missing numeric one takes its training median ({@link
         * FeatureEncoder#numericDefaults()}),
         * e.g. {@code log_spend} = log of the median spend of a training unit.
         */
        public FeatureRow row(Map<String, String> categorical, Map<String, Double> numeric) {
            List<String> cats = new ArrayList<>();
            for (String name : artifact.encoder().categoricalNames()) {
                cats.add(categorical.getOrDefault(name, ""));
            }
            List<String> names = artifact.encoder().numericNames();
            double[] nums = new double[names.size()];
            for (int j = 0; j < nums.length; j++) {
                Double v = numeric.get(names.get(j));
                nums[j] = v != null ? v : artifact.encoder().numericDefaults().get(j);
            }
            return new FeatureRow("new", -1, cats, nums, 1, 0, 0);
        }

        /** Expected conversions per unit of spend and per click, {@code [perSpend, perClick]}. */
        public double[] rates(FeatureRow row) {
            return new double[] {spend.rate(row), click.rate(row)};
        }

        /**
         * Optimizer prior for a new ad set: {@code cpa = 1/(conversions per spend)}, {@code cvr} = conversions per
         * click (capped at 1), {@code weight} from the held-out overdispersion, {@code source} = model id.
         */
        public Prior prior(Map<String, String> categorical, Map<String, Double> numeric) {
            double[] r = rates(row(categorical, numeric));
            return ModelArtifact.prior(r[0], r[1], artifact.priorWeight(), artifact.modelId());
        }
    }

    /**
     * The optimizer prior a rate model gives: {@code cpa = 1/perSpend}, {@code cvr = perClick} capped at 1,
     * {@code weight} pseudo-conversions, {@code source = "ml:" + model}.
     */
    public static Prior prior(double perSpend, double perClick, double weight, String model) {
        return new Prior(1 / perSpend, Math.min(1.0, perClick), null, weight, "ml:" + model);
    }
}
