-- Issue 19, the hourly cleanup: a system task (not a store's) runs once per hour across
-- replicas, claimed by its slot here as a store's runs are in schedule_runs. New table only:
-- instant.
CREATE TABLE schedule_system_runs (
  task text NOT NULL,
  due_at timestamptz NOT NULL,
  job_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (task, due_at)
);
