package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.errors.NotFoundException;
import io.metasystem.mlcore.ml.ModelArtifact;
import io.metasystem.mlcore.ml.ModelPerformance;
import io.metasystem.mlcore.ml.ModelRegistry;
import io.metasystem.mlcore.ml.Provenance;
import io.metasystem.mlcore.ml.RegisteredModel;
import io.metasystem.mlcore.ml.Scopes;
import io.metasystem.mlcore.ml.StoreDatasets;
import io.metasystem.mlcore.ml.TrainingJob;
import io.metasystem.mlcore.ml.TrainingJobs;
import io.metasystem.mlcore.optimizer.Prior;
import io.metasystem.mlcore.store.InsightStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Training jobs, the model registry and priors for new ad sets (docs/ml.md). */
@RestController
@Tag(name = "ml")
class MlController {
    private static final int MAX_PREDICT_ENTRIES = 100;
    private final TrainingJobs jobs;
    private final ModelRegistry registry;
    private final InsightStore store;
    private final ModelPerformance performance;
    private final StoreDatasets storeDatasets;

    MlController(
            TrainingJobs jobs,
            ModelRegistry registry,
            InsightStore store,
            ModelPerformance performance,
            StoreDatasets storeDatasets) {
        this.storeDatasets = storeDatasets;
        this.jobs = jobs;
        this.registry = registry;
        this.store = store;
        this.performance = performance;
    }

    /**
     * Body of {@code POST /api/v1/ml/train}: a CSV of the data directory, or ({@code source: "store"}) stored
     * insights.
     */
    record TrainBody(
            String scope, String source, String csv, String target, String accountId, String from, String to) {}

    /** Body of {@code POST /api/v1/ml/predict}. */
    record PredictBody(String scope, Long modelVersion, Map<String, String> attributes, Map<String, Double> numeric) {}

    /** Answer of {@code POST /api/v1/ml/predict}. */
    record PredictResponse(
            long modelVersion, String modelId, Prior prior, double conversionsPerSpend, double conversionsPerClick) {}

    @PostMapping(value = "/api/v1/ml/train", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Start a training job",
            description = "source csv (default): csv = a file name in "
                    + "mlcore.ml.data-dir (default data/samples), target APPROVED|TOTAL (kag only), "
                    + "scope defaults to the file's "
                    + "data set. source store: account_id (omitted: every account), from/to "
                    + "(default: the 90 days ending on the "
                    + "latest stored day), scope defaults to account:<account_id> (or store); 422 "
                    + "when the window has fewer than "
                    + StoreDatasets.MIN_DAYS + " days with spend. 202 with the job.")
    ResponseEntity<TrainingJob> train(@RequestBody TrainBody body) {
        if (body != null && "store".equalsIgnoreCase(body.source())) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(trainOnStore(body));
        }
        if (body != null && body.source() != null && !"csv".equalsIgnoreCase(body.source())) {
            throw new InvalidInputException("source", "must be csv or store, was " + body.source());
        }
        if (body == null || body.csv() == null) {
            throw new InvalidInputException(List.of(new FieldProblem("csv", "is required")));
        }
        String scope =
                body.scope() != null ? body.scope() : body.csv().startsWith("kag") ? "kag" : "online_advertising";
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(jobs.submit(scope, body.csv(), body.target()));
    }

    private TrainingJob trainOnStore(TrainBody body) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body.csv() != null) {
            problems.add(new FieldProblem("csv", "not allowed with source store"));
        }
        if (body.target() != null) {
            problems.add(new FieldProblem("target", "not allowed with source store (the target is conversions)"));
        }
        String account = body.accountId() == null ? null : Parameters.accountId(body.accountId());
        LocalDate from = DateParameters.parse("from", body.from(), null, problems);
        LocalDate to = DateParameters.parse("to", body.to(), null, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (account != null) {
            store.requireAccount(account);
        }
        String scope = body.scope() != null ? body.scope() : account != null ? Scopes.ofAccount(account) : "store";
        return jobs.submitStore(scope, storeDatasets.window(account, from, to));
    }

    @GetMapping(value = "/api/v1/ml/models/{version}/performance", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Logged predictions of a version scored against the insights that arrived since",
            description =
                    "from/to (YYYY-MM-DD) filter the prediction days (default: all); bucket day (default) or week. "
                            + "Per bucket: predictions, evaluated, spend, predicted vs observed "
                            + "conversions, ratio, mean Poisson "
                            + "deviance per ad-set day, CPA MAE; plus the held-out score from "
                            + "training. 404 unknown version.")
    ModelPerformance.Report performance(
            @PathVariable String version,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "day") String bucket) {
        long v = version(version);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate fromDate = DateParameters.parse("from", from, null, problems);
        LocalDate toDate = DateParameters.parse("to", to, null, problems);
        ModelPerformance.Bucket width = switch (bucket.strip().toLowerCase(Locale.ROOT)) {
            case "day" -> ModelPerformance.Bucket.DAY;
            case "week" -> ModelPerformance.Bucket.WEEK;
            default -> {
                problems.add(new FieldProblem("bucket", "must be day or week, was " + bucket));
                yield null;
            }
        };
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            problems.add(new FieldProblem("from", "must not be after to (" + fromDate + " > " + toDate + ")"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return performance.report(v, fromDate, toDate, width);
    }

    @GetMapping(value = "/api/v1/ml/jobs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Status and progress of a training job")
    TrainingJob job(@PathVariable String id) {
        return jobs.get(id);
    }

    @GetMapping(value = "/api/v1/ml/models", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Model versions, newest first, optionally of one scope")
    List<RegisteredModel> models(@RequestParam(required = false) String scope) {
        return registry.list(scope);
    }

    @GetMapping(value = "/api/v1/ml/models/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One model version with its provenance")
    ModelDetail model(@PathVariable String version) {
        long v = version(version);
        return new ModelDetail(registry.get(v), registry.provenanceOf(v));
    }

    /** A version and its provenance (data window, features, params, libraries, validation). */
    record ModelDetail(RegisteredModel model, Provenance provenance) {}

    @PostMapping(value = "/api/v1/ml/models/{version}/promote", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Make a version the champion of its scope (manual promotion or rollback)")
    RegisteredModel promote(@PathVariable String version) {
        return registry.promote(version(version));
    }

    @PostMapping(value = "/api/v1/ml/rollback", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Reinstate the previous champion of a scope")
    RegisteredModel rollback(@RequestParam String scope) {
        return registry.rollback(scope);
    }

    @PostMapping(value = "/api/v1/ml/predict", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Prior for a new ad set from its attributes",
            description = "attributes: categorical features (kag: campaign, age, gender, interest; daily: campaign, "
                    + "engagement, banner, placement); numeric: e.g. log_spend (default: training median). Uses the "
                    + "scope's champion unless model_version is given.")
    PredictResponse predict(@RequestBody PredictBody body) {
        if (body == null || (body.scope() == null && body.modelVersion() == null)) {
            throw new InvalidInputException(List.of(new FieldProblem("scope", "scope or model_version is required")));
        }
        checkPredictInput(
                body.attributes() == null ? Map.of() : body.attributes(),
                body.numeric() == null ? Map.of() : body.numeric());
        long version = body.modelVersion() != null
                ? body.modelVersion()
                : registry.champion(body.scope())
                        .orElseThrow(() -> new NotFoundException(
                                "champion", body.scope(), "scope", "no champion model for scope " + body.scope()))
                        .version();
        ModelArtifact.Predictor p = registry.predictor(version);
        Map<String, String> cats = body.attributes() == null ? Map.of() : body.attributes();
        Map<String, Double> nums = body.numeric() == null ? Map.of() : body.numeric();
        double[] rates = p.rates(p.row(cats, nums));
        return new PredictResponse(version, p.artifact().modelId(), p.prior(cats, nums), rates[0], rates[1]);
    }

    /** At most {@value #MAX_PREDICT_ENTRIES} entries each; numbers finite with |x| ≤ 1e12 (docs/api.md, limits). */
    private static void checkPredictInput(Map<String, String> cats, Map<String, Double> nums) {
        List<FieldProblem> problems = new ArrayList<>();
        if (cats.size() > MAX_PREDICT_ENTRIES) {
            problems.add(
                    new FieldProblem("attributes", "at most " + MAX_PREDICT_ENTRIES + " entries, was " + cats.size()));
        }
        if (nums.size() > MAX_PREDICT_ENTRIES) {
            problems.add(
                    new FieldProblem("numeric", "at most " + MAX_PREDICT_ENTRIES + " entries, was " + nums.size()));
        }
        nums.forEach((name, value) -> {
            if (value == null || !Double.isFinite(value) || Math.abs(value) > FieldChecks.MAX_COUNT) {
                problems.add(new FieldProblem(
                        "numeric." + name,
                        "must be a finite number with |x| <= 1e12 (docs/api.md, limits), was " + value));
            }
        });
        cats.forEach((name, value) -> {
            if (value == null) {
                problems.add(new FieldProblem("attributes." + name, "must be a string, was null"));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.subList(0, Math.min(100, problems.size())));
        }
    }

    private static long version(String version) {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(List.of(new FieldProblem("version", "must be an integer, was " + version)));
        }
    }
}
