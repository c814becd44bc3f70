package io.metasystem.mlcore.api;

import io.metasystem.mlcore.meta.MetaJob;
import io.metasystem.mlcore.store.StoredJson;

import java.util.LinkedHashMap;
import java.util.Map;

/** The answer shape of a connector job (sync), shared by the job routes and the n8n webhook. */
final class JobBodies {
    private JobBodies() {}

    /** {@code job_id, kind, account_id, status, progress, result?, error, created_at, updated_at, status_url}. */
    static Map<String, Object> of(MetaJob job) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("job_id", job.id());
        body.put("kind", job.kind());
        body.put("account_id", job.accountId());
        body.put("status", job.status());
        body.put("progress", job.progress());
        if (job.result() != null) {
            body.put("result", StoredJson.MAPPER.readTree(job.result()));
        }
        body.put("error", job.error());
        body.put("created_at", job.createdAt().toString());
        body.put("updated_at", job.updatedAt().toString());
        body.put("status_url", "/api/v1/jobs/" + job.id());
        return body;
    }
}
