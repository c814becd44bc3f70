-- Cross-platform reporting (package reporting): artists, their Meta ad accounts and campaigns, daily platform
-- metrics imported from Spotify for Artists and YouTube Studio, per-song tables and known events.

create table artist (
    id                 varchar(64)              not null primary key,
    name               varchar(255)             not null,
    spotify_artist_id  varchar(64),
    youtube_channel_id varchar(64),
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null
);

-- An artist's ad accounts (stored without act_); an account may be listed by several artists (with campaign_ids).
create table artist_ad_account (
    artist_id  varchar(64) not null references artist (id),
    account_id varchar(64) not null,
    primary key (artist_id, account_id)
);

-- A campaign belongs to at most one artist.
create table artist_campaign (
    campaign_id varchar(64) not null primary key,
    artist_id   varchar(64) not null references artist (id)
);

-- Spotify for Artists audience timeline, one row per artist and UTC day. followers is cumulative as exported;
-- followers_gained is derived from the previous stored day (null when that day is unknown).
create table artist_spotify_day (
    artist_id        varchar(64)              not null references artist (id),
    metric_date      date                     not null,
    listeners        bigint,
    streams          bigint,
    followers        bigint,
    followers_gained bigint,
    imported_at      timestamp with time zone not null,
    primary key (artist_id, metric_date)
);

-- Spotify for Artists per-song table (a snapshot: the latest import wins).
create table artist_song (
    artist_id    varchar(64)              not null references artist (id),
    song         varchar(255)             not null,
    listeners    bigint,
    streams      bigint,
    saves        bigint,
    release_date date,
    imported_at  timestamp with time zone not null,
    primary key (artist_id, song)
);

-- YouTube Studio (or Analytics API) daily channel metrics.
create table artist_youtube_day (
    artist_id          varchar(64)              not null references artist (id),
    metric_date        date                     not null,
    views              bigint,
    watch_time_hours   numeric(18, 4),
    subscribers_gained bigint,
    subscribers_lost   bigint,
    impressions        bigint,
    impressions_ctr    numeric(9, 4),
    likes              bigint,
    shares             bigint,
    source             varchar(16)              not null,
    imported_at        timestamp with time zone not null,
    primary key (artist_id, metric_date)
);

-- Known baseline shifts: releases, playlist adds, press, tours.
create table artist_event (
    id         varchar(36)              not null primary key,
    artist_id  varchar(64)              not null references artist (id),
    event_date date                     not null,
    event_type varchar(16)              not null,
    name       varchar(255)             not null,
    created_at timestamp with time zone not null
);

create index artist_event_artist_date on artist_event (artist_id, event_date);
