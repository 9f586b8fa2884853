-- The result of a report run as a background job, downloaded once it has succeeded. Kept apart
-- from jobs.result: `GET jobs/{id}` needs only inventory:read, and reports show money.
CREATE TABLE report_results (
  job_id uuid PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  report text NOT NULL,
  result jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_results_store_idx ON report_results (store_id, created_at);
