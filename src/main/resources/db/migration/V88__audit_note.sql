-- Why an apply that took an ad set over from an interrupted one (its claim older than APPLY_CLAIM_TIMEOUT) did what it
-- did: Meta already had the target (outcome unchanged) or not (the change was sent). Null for every other row.
alter table meta_audit add column note varchar(500);
