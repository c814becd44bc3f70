-- YouTube Analytics syncs of one artist as job resources (package reporting): status, progress, the rows they merged
-- and why they failed, visible from every replica; owner/heartbeat_at are the job lease (scheduling.JobLeases).
create table reporting_job (
    id           varchar(36)              not null primary key,
    kind         varchar(32)              not null,
    artist_id    varchar(64)              not null references artist (id),
    since_date   date                     not null,
    until_date   date                     not null,
    status       varchar(16)              not null,
    progress     varchar(1000),
    rows_read    bigint,
    inserted     bigint,
    updated      bigint,
    unchanged    bigint,
    error        varchar(4000),
    trigger_name varchar(16)              not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    owner        varchar(64),
    heartbeat_at timestamp with time zone
);

create index reporting_job_artist on reporting_job (artist_id, created_at);
