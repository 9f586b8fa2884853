-- Issue 19: a failed import, report or recalculation is an alert about the job (job_failed),
-- and the member who started a job is told how it ended (a notification of no alert,
-- kind job_finished, about the job: one per user and job, which also keeps a manager who
-- started a failing job from hearing of it twice). The weekly summary mail is a choice of
-- its own (null: the role's default). Constraint swaps and nullable columns: instant (the
-- CHECKs are validated against the small alerts table).
ALTER TABLE alerts DROP CONSTRAINT alerts_kind_check;
ALTER TABLE alerts ADD CONSTRAINT alerts_kind_check CHECK (kind IN (
  'low_stock', 'out_of_stock', 'stockout_risk', 'demand_anomaly', 'expiring', 'expired',
  'delivery_late', 'invoice_due', 'invoice_overdue', 'job_failed'));
ALTER TABLE alerts DROP CONSTRAINT alerts_subject_type_check;
ALTER TABLE alerts ADD CONSTRAINT alerts_subject_type_check
  CHECK (subject_type IN ('product', 'purchase_order', 'invoice', 'job'));

ALTER TABLE notifications ALTER COLUMN alert_id DROP NOT NULL;
CREATE UNIQUE INDEX notifications_job_once_key ON notifications (user_id, subject_id)
  WHERE subject_type = 'job';

ALTER TABLE notification_preferences ADD COLUMN weekly_summary boolean;
