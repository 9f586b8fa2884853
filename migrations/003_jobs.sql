-- A PostgreSQL-backed job queue: survives restarts, and SKIP LOCKED hands each job to
-- exactly one worker across replicas. Inputs (uploaded files) live in the row, so any
-- replica can run any job.
CREATE TABLE jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  type text NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  payload jsonb NOT NULL DEFAULT '{}',
  input bytea,
  checkpoint jsonb,
  result jsonb,
  error text,
  attempts integer NOT NULL DEFAULT 0,
  run_after timestamptz NOT NULL DEFAULT now(),
  locked_at timestamptz,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobs_runnable_idx ON jobs (run_after) WHERE status IN ('queued', 'running');
CREATE INDEX jobs_store_idx ON jobs (store_id, created_at DESC);
