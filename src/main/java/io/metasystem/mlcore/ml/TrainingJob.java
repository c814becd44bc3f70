package io.metasystem.mlcore.ml;

import io.metasystem.mlcore.scheduling.JobStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A training job ({@code ml_job}).
 *
 * @param id           job id
 * @param scope        registry scope the model goes to
 * @param source       {@code csv} or {@code store}
 * @param csv          csv source: file name inside {@code mlcore.ml.data-dir}; null for the store
 * @param target       csv source: kag target (APPROVED or TOTAL); null for the store
 * @param accountId    store source: the account trained on, null = every account
 * @param from         store source: first day of the data window
 * @param to           store source: last day of the data window
 * @param status       queued, running, succeeded or failed (answered lower-case); a terminal status is never
 *                     overwritten (a run that finishes after its lease expired only notes that in {@code error})
 * @param stepsDone    finished steps (model × fold fits, then the final fit)
 * @param stepsTotal   all steps
 * @param progress     last progress line
 * @param modelVersion registered version when succeeded, nullable
 * @param error        failure message, nullable
 */
public record TrainingJob(
        String id,
        String scope,
        String source,
        String csv,
        String target,
        String accountId,
        LocalDate from,
        LocalDate to,
        JobStatus status,
        int stepsDone,
        int stepsTotal,
        String progress,
        Long modelVersion,
        String error,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
