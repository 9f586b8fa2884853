-- Issue 19: a job says when it started (its latest attempt) and when it finished, for the
-- scheduled runs Settings lists and for anyone polling a job. Nullable, no default: instant.
ALTER TABLE jobs
  ADD COLUMN started_at timestamptz,
  ADD COLUMN completed_at timestamptz;
