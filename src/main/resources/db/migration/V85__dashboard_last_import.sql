-- The report of the last dashboard (page) import of each account, so that it is shown again after a reload, a new
-- session or a restart (web.LastImports). One row per account, replaced by each page import; the report is the page's
-- JSON (rows inserted/updated/unchanged, ad sets, days, currency, or the problems of a refused file).
create table dashboard_last_import (
    account_id  varchar(64)              not null primary key,
    imported_at timestamp with time zone not null,
    file_name   varchar(512),
    outcome     varchar(200000)          not null
);
