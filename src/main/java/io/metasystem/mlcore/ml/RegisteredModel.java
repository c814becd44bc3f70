package io.metasystem.mlcore.ml;

import java.time.OffsetDateTime;

/**
 * A model version in the registry (the artifact bytes are not part of this view).
 *
 * @param version          registry version, increasing
 * @param scope            what the model serves (e.g. a data set or an account)
 * @param modelId          the artifact's model id
 * @param artifactSha256   sha256 of the artifact
 * @param holdoutKey       identifies the held-out data it was scored on (same key = comparable metrics)
 * @param holdoutDeviance  mean held-out Poisson deviance of the model
 * @param status           champion, challenger or retired (answered lower-case)
 * @param decision         why it has that status
 * @param createdAt        registration time
 * @param promotedAt       last time it became champion, nullable
 */
public record RegisteredModel(
        long version,
        String scope,
        String modelId,
        String artifactSha256,
        String holdoutKey,
        double holdoutDeviance,
        ModelStatus status,
        String decision,
        OffsetDateTime createdAt,
        OffsetDateTime promotedAt) {}
