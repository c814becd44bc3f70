-- Recommendations store their per-ad-set lines and full response as one compact binary payload (deflated tagged
-- binary, store.RecommendationPayload) instead of a JSON response column and one recommendation_adset row per ad set:
-- about 8x less storage and nothing for the database to parse. Rows written before keep their response and
-- recommendation_adset rows (payload null) and read back unchanged.
alter table recommendation add column payload bytea;
alter table recommendation alter column response drop not null;
