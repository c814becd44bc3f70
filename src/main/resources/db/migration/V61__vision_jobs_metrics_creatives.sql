-- Vision (docs/vision.md): evaluation jobs hold a lease (package scheduling, JobLeases), a model keeps the metrics of
-- its latest evaluation, a creative is stored once per (account, ad set, content SHA-256).
alter table vision_job add column owner varchar(64);
alter table vision_job add column heartbeat_at timestamp with time zone;
alter table vision_job add column decision varchar(512);
alter table vision_model add column metrics ${json_type};
create unique index vision_creative_content on vision_creative (account_id, adset_id, sha256);
