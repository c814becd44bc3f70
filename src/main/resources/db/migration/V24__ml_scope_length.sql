-- Registry scopes may name an account ("account:<account id>", account ids are up to 64 characters).
alter table ml_model alter column scope set data type varchar(80);
alter table ml_job alter column scope set data type varchar(80);
