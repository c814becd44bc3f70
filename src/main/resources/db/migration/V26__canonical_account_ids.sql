-- One spelling per ad account (store.AccountIds): ids are stored without Meta's "act_" prefix. Accounts stored
-- before this migration as "act_<id>" are renamed to "<id>" with everything that refers to them, unless "<id>"
-- already exists as well (then both are left as they are; docs/store.md says how to merge them by hand).
create table account_rename as
    select id as old_id, substring(id, 5) as new_id from ad_account a
    where id like 'act\_%' and not exists (select 1 from ad_account b where b.id = substring(a.id, 5));

insert into ad_account (id, name, currency, created_at, updated_at)
    select r.new_id, a.name, a.currency, a.created_at, a.updated_at
    from ad_account a join account_rename r on r.old_id = a.id;
insert into campaign (account_id, id, name, updated_at)
    select r.new_id, c.id, c.name, c.updated_at from campaign c join account_rename r on r.old_id = c.account_id;
insert into ad_set (account_id, id, campaign_id, name, status, daily_budget, currency, platform, updated_at, attributes)
    select r.new_id, s.id, s.campaign_id, s.name, s.status, s.daily_budget, s.currency, s.platform, s.updated_at,
           s.attributes
    from ad_set s join account_rename r on r.old_id = s.account_id;

update daily_insight set account_id = (select new_id from account_rename where old_id = account_id)
    where account_id in (select old_id from account_rename);
update insight_history set account_id = (select new_id from account_rename where old_id = account_id)
    where account_id in (select old_id from account_rename);
update recommendation set account_id = (select new_id from account_rename where old_id = account_id)
    where account_id in (select old_id from account_rename);
update meta_apply_item set account_id = (select new_id from account_rename where old_id = account_id)
    where account_id in (select old_id from account_rename);
update meta_audit set account_id = (select new_id from account_rename where old_id = account_id)
    where account_id in (select old_id from account_rename);
update meta_job set account_id = (select new_id from account_rename where old_id = account_id)
    where account_id in (select old_id from account_rename);

delete from ad_set where account_id in (select old_id from account_rename);
delete from campaign where account_id in (select old_id from account_rename);
delete from ad_account where id in (select old_id from account_rename);
drop table account_rename;
