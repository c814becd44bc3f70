-- The newest insight day a recommendation was computed from, as a typed column (the apply guardrail
-- max_data_age_days reads it). Rows written before this migration keep null here; the store then falls back to the
-- last_date of their inputs summary.
alter table recommendation add column data_until date;
