-- Webhooks (package webhooks): inbound replay protection and the outbound outbox. Portable SQL (PostgreSQL, H2).

-- Signatures of inbound webhooks accepted within the replay window; a second delivery of one is refused.
create table webhook_replay (
    signature varchar(100)             not null primary key,
    seen_at   timestamp with time zone not null
);

create index webhook_replay_seen on webhook_replay (seen_at);

-- Every outbound event, whether it was sent, failed after retries, or only recorded (dry_run, not_configured).
create table webhook_outbox (
    id           varchar(36)              not null primary key,
    event_type   varchar(64)              not null,
    payload      varchar(200000)          not null,
    target_url   varchar(2000),
    status       varchar(16)              not null,
    attempts     integer                  not null,
    last_error   varchar(2000),
    response_status integer,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null
);

create index webhook_outbox_created on webhook_outbox (created_at);
