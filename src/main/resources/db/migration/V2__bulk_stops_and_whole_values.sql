-- Hardening of the audit trail. Portable SQL: the same migration runs on H2 and on PostgreSQL.

-- What ECS supplies is kept whole, whatever its length: a task's ARN, group and tags and ECS's
-- error message (a VARCHAR without a length is unbounded in PostgreSQL and holds up to 10^9
-- characters in H2). A NUL character, which PostgreSQL refuses in text, is stored as \u0000.
ALTER TABLE stop_audit ALTER COLUMN task_arn SET DATA TYPE VARCHAR;
ALTER TABLE stop_audit ALTER COLUMN task_group SET DATA TYPE VARCHAR;
ALTER TABLE stop_audit ALTER COLUMN task_tags SET DATA TYPE VARCHAR;
ALTER TABLE stop_audit ALTER COLUMN error_message SET DATA TYPE VARCHAR;

-- A request refused as a whole (the user may not stop tasks of the cluster) is one record that
-- carries how many tasks it named; it names no single task when it named several.
ALTER TABLE stop_audit ALTER COLUMN task_arn DROP NOT NULL;
ALTER TABLE stop_audit ADD COLUMN task_count INTEGER DEFAULT 1 NOT NULL;

-- A bulk stop's task has at most one record, found by its place in the bulk stop.
ALTER TABLE stop_audit ADD COLUMN batch_index INTEGER;
CREATE UNIQUE INDEX stop_audit_batch_task ON stop_audit (batch_id, batch_index);

-- A bulk stop, written when it starts, and one row per task: stop_sent says whether the task's
-- StopTask may have been sent. A task's record in stop_audit is opened (PENDING) just before its
-- StopTask; when the process running the bulk stop is gone, tasks never sent are recorded
-- NOT_SENT and tasks whose StopTask may have been in flight UNKNOWN.
CREATE TABLE bulk_stop (
  id           VARCHAR(36)  PRIMARY KEY,
  instance_id  VARCHAR(36)  NOT NULL,
  started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at  TIMESTAMP WITH TIME ZONE,
  user_name    VARCHAR(255) NOT NULL,
  cluster      VARCHAR(255) NOT NULL,
  reason_typed VARCHAR(4000),
  reason_sent  VARCHAR(255),
  task_count   INTEGER      NOT NULL
);

CREATE INDEX bulk_stop_unfinished ON bulk_stop (finished_at);

CREATE TABLE bulk_stop_task (
  batch_id    VARCHAR(36)   NOT NULL,
  task_index  INTEGER       NOT NULL,
  task        VARCHAR(1600) NOT NULL,
  stop_sent   BOOLEAN       DEFAULT FALSE NOT NULL,
  PRIMARY KEY (batch_id, task_index)
);
