package io.metasystem.mlcore.vision;

import io.metasystem.mlcore.scheduling.JobStatus;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * An evaluation job ({@code vision_job}).
 *
 * @param id               job id
 * @param modelVersion     the evaluated vision model
 * @param annotationsSha256 SHA-256 of the COCO JSON: the evaluation set models are compared on
 * @param status           queued, running, succeeded or failed; a terminal status is never overwritten
 * @param stepsDone        images run through the model so far
 * @param stepsTotal       images of the annotations
 * @param progress         last progress line
 * @param map              mAP@[.50:.95] when succeeded, nullable
 * @param result           when succeeded: {@code map}, {@code map50}, {@code map75}, {@code map_small},
 *                         {@code map_medium}, {@code map_large}, {@code ar1}, {@code ar10}, {@code ar100},
 *                         {@code ar_small}, {@code ar_medium}, {@code ar_large} (−1 where undefined, as pycocotools),
 *                         {@code per_class} and counts; nullable
 * @param decision         the promotion decision taken after the evaluation, nullable
 * @param error            failure message, nullable
 */
public record VisionJob(
        String id,
        long modelVersion,
        String annotationsSha256,
        JobStatus status,
        int stepsDone,
        int stepsTotal,
        String progress,
        Double map,
        Map<String, Object> result,
        String decision,
        String error,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
