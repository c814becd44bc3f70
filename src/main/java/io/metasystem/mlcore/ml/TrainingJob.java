package io.metasystem.mlcore.ml;

import java.time.OffsetDateTime;

/**
 * A training job ({@code ml_job}).
 *
 * @param id           job id
 * @param scope        registry scope the model goes to
 * @param csv          file name inside {@code mlcore.ml.data-dir}
 * @param target       kag target (APPROVED or TOTAL)
 * @param status       {@code queued}, {@code running}, {@code succeeded}, {@code failed}
 * @param stepsDone    finished steps (model × fold fits, then the final fit)
 * @param stepsTotal   all steps
 * @param progress     last progress line
 * @param modelVersion registered version when succeeded, nullable
 * @param error        failure message, nullable
 */
public record TrainingJob(String id, String scope, String csv, String target, String status, int stepsDone,
                          int stepsTotal, String progress, Long modelVersion, String error, OffsetDateTime createdAt,
                          OffsetDateTime updatedAt) {
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
}
