-- Stateful alerts (package alerts, docs/alerts.md), modelled on Prometheus Alertmanager. One row per episode of a
-- fingerprint (account, ad set, metric, kind): pending -> firing -> resolved, or acknowledged while it fires. A
-- resolved fingerprint may open a new episode (a new row) only after the quiet period (ALERTS_QUIET_DAYS).
create table alert (
    id               varchar(36)  primary key,
    fingerprint      varchar(16)  not null,
    account_id       varchar(64)  not null,
    adset_id         varchar(64)  not null,
    metric           varchar(32)  not null,
    kind             varchar(32)  not null,
    state            varchar(16)  not null,
    direction        varchar(8),
    anomaly_date     date,
    observed         double precision,
    expected         double precision,
    interval_lo      double precision,
    interval_hi      double precision,
    score            double precision,
    reason           varchar(1000),
    started_at       timestamp with time zone not null,
    fired_at         timestamp with time zone,
    resolved_at      timestamp with time zone,
    acknowledged_at  timestamp with time zone,
    acknowledged_by  varchar(200),
    last_seen_at     timestamp with time zone not null,
    last_notified_at timestamp with time zone,
    updated_at       timestamp with time zone not null
);
create index alert_fingerprint_state on alert (fingerprint, state);
create index alert_account_state on alert (account_id, state);

-- Silences: an alert matching every non-null matcher is not notified while now is in [starts_at, ends_at).
create table alert_silence (
    id         varchar(36)   primary key,
    account_id varchar(64),
    adset_id   varchar(64),
    metric     varchar(32),
    kind       varchar(32),
    comment    varchar(1000) not null,
    created_by varchar(200),
    starts_at  timestamp with time zone not null,
    ends_at    timestamp with time zone not null,
    created_at timestamp with time zone not null
);
create index alert_silence_ends on alert_silence (ends_at);
