-- The two text documents written with every recorded optimize answer are stored deflated (store.DeflatedText: UTF-8,
-- zlib format): the webhook event body (webhook_outbox.payload_deflated, about 6.3 KB of JSON text -> 0.9 KB at 100 ad
-- sets) and the recommendation's inputs summary (recommendation.inputs_summary_deflated, 2.2 KB -> 0.4 KB). New rows
-- write only the deflated column; rows written before keep their text/JSON column (the deflated one null) and read back
-- unchanged. Exactly one of the two columns of a row is set.
alter table webhook_outbox add column payload_deflated bytea;
alter table webhook_outbox alter column payload drop not null;
alter table recommendation add column inputs_summary_deflated bytea;
alter table recommendation alter column inputs_summary drop not null;
