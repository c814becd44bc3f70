-- Outbox re-delivery (package webhooks, OutboxRedelivery): when a pending event's next attempt is due, and until when
-- a process holds it (claimed by a conditional UPDATE, so with several replicas exactly one delivers each attempt).
-- Events left pending by a process that stopped are delivered by the clustered re-delivery task.
alter table webhook_outbox add column next_attempt_at timestamp with time zone;
alter table webhook_outbox add column claimed_until timestamp with time zone;

update webhook_outbox set next_attempt_at = updated_at where status = 'pending';

create index webhook_outbox_due on webhook_outbox (status, next_attempt_at);
