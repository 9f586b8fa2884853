-- Jobs are delivered by pg-boss now (its own tables, schema pgboss, created on start): this
-- table keeps what a store sees of a job, not when or where it runs.
DROP INDEX jobs_runnable_idx;
ALTER TABLE jobs DROP COLUMN run_after, DROP COLUMN locked_at;
