package io.metasystem.mlcore.vision;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * An analysed creative of an ad set ({@code vision_creative}).
 *
 * @param id           creative id (a UUID)
 * @param accountId    ad account, without {@code act_}
 * @param adsetId      ad set
 * @param fileName     uploaded file name, nullable
 * @param mediaType    {@code image} or {@code video}
 * @param sha256       SHA-256 of the uploaded bytes; with account and ad set the natural key
 * @param modelVersion vision model that detected the objects
 * @param features     {@link CreativeFeatures} as stored
 * @param attributes   the ad set's {@code creative_*} attributes after this upload ({@link CreativeAttributes});
 *                     only answered by the upload, nullable
 */
public record Creative(
        String id,
        String accountId,
        String adsetId,
        String fileName,
        String mediaType,
        String sha256,
        Long modelVersion,
        CreativeFeatures features,
        OffsetDateTime createdAt,
        Map<String, String> attributes) {
    Creative withAttributes(Map<String, String> values) {
        return new Creative(
                id, accountId, adsetId, fileName, mediaType, sha256, modelVersion, features, createdAt, values);
    }
}
