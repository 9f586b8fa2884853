-- Issue 19, notifications: each member of a store who should hear of an alert (by role and
-- their own preferences) gets one notification of it (one per user and alert, so an event
-- published twice notifies once). A resolved alert's notifications stay, marked resolved.
-- New tables only: instant.
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  alert_id uuid NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  kind text NOT NULL,
  subject_type text NOT NULL,
  subject_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  -- Shown in the app's list (false: only mailed).
  in_app boolean NOT NULL,
  -- How it is mailed (null: not mailed), and when it was.
  email text CHECK (email IN ('immediate', 'digest')),
  emailed_at timestamptz,
  -- Milliseconds, as a page cursor (a JavaScript Date) carries them.
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  read_at timestamptz,
  resolved_at timestamptz,
  CONSTRAINT notifications_user_alert_key UNIQUE (user_id, alert_id)
);
CREATE INDEX notifications_user_created_idx ON notifications (user_id, created_at DESC, id DESC)
  WHERE in_app;
CREATE INDEX notifications_unread_idx ON notifications (user_id, store_id)
  WHERE in_app AND read_at IS NULL;
CREATE INDEX notifications_alert_idx ON notifications (alert_id);
CREATE INDEX notifications_mail_due_idx ON notifications (user_id)
  WHERE email IS NOT NULL AND emailed_at IS NULL;

-- A user's own choices; what is not set follows the role's defaults (notifications module).
CREATE TABLE notification_preferences (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  -- {kind: {inApp?, email?, push?}}: only what the user set.
  kinds jsonb NOT NULL DEFAULT '{}',
  email_delivery text CHECK (email_delivery IN ('immediate', 'digest')),
  updated_at timestamptz NOT NULL DEFAULT now()
);
