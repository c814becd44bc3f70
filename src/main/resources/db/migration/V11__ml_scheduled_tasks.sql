-- Table of db-scheduler (com.github.kagkarlsson:db-scheduler 16.x, schema of its postgresql_tables.sql with varchar
-- keys so that H2 accepts them): clustered scheduled retraining, one replica runs each execution.
create table scheduled_tasks (
    task_name            varchar(255)             not null,
    task_instance        varchar(255)             not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            varchar(255),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);

create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on scheduled_tasks (priority desc, execution_time asc);
