-- Targeting and creative attributes of an ad set (string map, e.g. {"age":"25-34","placement":"reels"}): the
-- features the ml package predicts priors from. Filled by the Meta sync (targeting) or by the API.
alter table ad_set add column attributes ${json_type};

-- Job leases (package scheduling, JobLeases): the process running a job renews heartbeat_at; a job whose
-- heartbeat stopped (its replica died) is marked failed by the clustered sweep instead of staying 'running'.
alter table ml_job add column owner varchar(64);
alter table ml_job add column heartbeat_at timestamp with time zone;
alter table meta_job add column owner varchar(64);
alter table meta_job add column heartbeat_at timestamp with time zone;
