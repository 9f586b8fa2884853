-- Issue 19, schedules: work that runs on its own in every store at the store's local time.
-- A task without a row here runs at its default time (the code's task list); a store that
-- chose another time, or turned a task off, has a row. Adding tables only: instant.
CREATE TABLE store_schedules (
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  task text NOT NULL,
  at_local time NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, task)
);

-- Every run that fell due, claimed once across replicas by its key: the store, the task and
-- the instant it was due. The job it queued is kept for "last run" in Settings.
CREATE TABLE schedule_runs (
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  task text NOT NULL,
  due_at timestamptz NOT NULL,
  job_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, task, due_at)
);
