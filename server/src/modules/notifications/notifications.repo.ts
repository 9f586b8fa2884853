import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';
import type { EmailDelivery, Preferences } from './preferences';

export type NotificationRow = Row<
  'notifications',
  | 'id'
  | 'store_id'
  | 'alert_id'
  | 'kind'
  | 'subject_type'
  | 'subject_id'
  | 'title'
  | 'created_at'
  | 'read_at'
  | 'resolved_at'
>;
const COLUMNS =
  'id, store_id, alert_id, kind, subject_type, subject_id, title, created_at, read_at, resolved_at';

export interface NewNotification {
  userId: string;
  storeId: string;
  /** Null for the outcome of a user's job (kind job_finished). */
  alertId: string | null;
  kind: string;
  subjectType: string;
  subjectId: string;
  title: string;
  inApp: boolean;
  email: EmailDelivery | null;
}

/**
 * One per user and alert, and one per user and job (`notifications_job_once_key`): a second
 * delivery of the same event changes nothing, and a manager told that the job they started
 * failed is not told again by the alert it opens. Answers the rows it inserted (not those that
 * were there already).
 */
export async function insertNotifications(
  db: Db,
  rows: NewNotification[],
): Promise<{ id: string; user_id: string; alert_id: string | null; subject_id: string }[]> {
  if (rows.length === 0) return [];
  const col = <K extends keyof NewNotification>(k: K) => rows.map((r) => r[k]);
  const { rows: inserted } = await db.query<{
    id: string;
    user_id: string;
    alert_id: string | null;
    subject_id: string;
  }>(
    `INSERT INTO notifications
       (user_id, store_id, alert_id, kind, subject_type, subject_id, title, in_app, email)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::uuid[],
                          $7::text[], $8::boolean[], $9::text[])
     ON CONFLICT DO NOTHING
     RETURNING id, user_id, alert_id, subject_id`,
    [
      col('userId'),
      col('storeId'),
      col('alertId'),
      col('kind'),
      col('subjectType'),
      col('subjectId'),
      col('title'),
      col('inApp'),
      col('email'),
    ],
  );
  return inserted;
}

export async function markResolved(db: Db, alertIds: string[]): Promise<void> {
  if (alertIds.length === 0) return;
  await db.query(
    `UPDATE notifications SET resolved_at = date_trunc('milliseconds', now())
     WHERE alert_id = ANY($1::uuid[]) AND resolved_at IS NULL`,
    [alertIds],
  );
}

export interface ListFilter {
  /** The stores the user belongs to now: a former store's notifications are not theirs. */
  storeIds: string[];
  unread: boolean;
  kind?: string;
  limit: number;
  after?: { createdAt: string; id: string };
}

export async function listNotifications(
  db: Db,
  userId: string,
  f: ListFilter,
): Promise<NotificationRow[]> {
  const params: unknown[] = [userId, f.storeIds, f.limit];
  const where = ['user_id = $1', 'in_app', 'store_id = ANY($2::uuid[])'];
  if (f.unread) where.push('read_at IS NULL');
  if (f.kind) where.push(`kind = $${params.push(f.kind)}`);
  if (f.after) {
    const a = params.push(f.after.createdAt);
    const b = params.push(f.after.id);
    where.push(`(created_at, id) < ($${a}::timestamptz, $${b}::uuid)`);
  }
  const { rows } = await db.query<NotificationRow>(
    `SELECT ${COLUMNS} FROM notifications WHERE ${where.join(' AND ')}
     ORDER BY created_at DESC, id DESC LIMIT $3`,
    params,
  );
  return rows;
}

export async function unreadCounts(
  db: Db,
  userId: string,
  storeIds: string[],
): Promise<Map<string, number>> {
  const { rows } = await db.query<{ store_id: string; n: number }>(
    `SELECT store_id, count(*)::int AS n FROM notifications
     WHERE user_id = $1 AND in_app AND read_at IS NULL AND store_id = ANY($2::uuid[])
     GROUP BY store_id`,
    [userId, storeIds],
  );
  return new Map(rows.map((r) => [r.store_id, r.n]));
}

/** Marks one read (once: a second read keeps the first time); undefined when not the user's. */
export async function markRead(
  db: Db,
  userId: string,
  storeIds: string[],
  id: string,
): Promise<NotificationRow | undefined> {
  const { rows } = await db.query<NotificationRow>(
    `UPDATE notifications SET read_at = coalesce(read_at, date_trunc('milliseconds', now()))
     WHERE id = $1 AND user_id = $2 AND in_app AND store_id = ANY($3::uuid[])
     RETURNING ${COLUMNS}`,
    [id, userId, storeIds],
  );
  return rows[0];
}

export async function markAllRead(db: Db, userId: string, storeIds: string[]): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE notifications SET read_at = date_trunc('milliseconds', now())
     WHERE user_id = $1 AND in_app AND read_at IS NULL AND store_id = ANY($2::uuid[])`,
    [userId, storeIds],
  );
  return rowCount ?? 0;
}

type PreferencesRow = Row<
  'notification_preferences',
  'user_id' | 'kinds' | 'email_delivery' | 'weekly_summary'
>;

export async function preferencesOf(db: Db, userIds: string[]): Promise<Map<string, Preferences>> {
  const { rows } = await db.query<PreferencesRow>(
    `SELECT user_id, kinds, email_delivery, weekly_summary FROM notification_preferences
     WHERE user_id = ANY($1::uuid[])`,
    [userIds],
  );
  return new Map(
    rows.map((r) => [
      r.user_id,
      {
        kinds: r.kinds as Preferences['kinds'],
        emailDelivery: r.email_delivery as EmailDelivery | null,
        weeklySummary: r.weekly_summary,
      },
    ]),
  );
}

export async function savePreferences(db: Db, userId: string, p: Preferences): Promise<void> {
  await db.query(
    `INSERT INTO notification_preferences (user_id, kinds, email_delivery, weekly_summary)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id) DO UPDATE
       SET kinds = excluded.kinds, email_delivery = excluded.email_delivery,
           weekly_summary = excluded.weekly_summary, updated_at = now()`,
    [userId, JSON.stringify(p.kinds), p.emailDelivery, p.weeklySummary],
  );
}

export type MailRow = Row<
  'notifications',
  | 'id'
  | 'store_id'
  | 'kind'
  | 'subject_type'
  | 'subject_id'
  | 'title'
  | 'created_at'
  | 'resolved_at'
>;

/**
 * Takes the user's notifications waiting to be mailed `mode`, in the stores they belong to
 * now, locked until the caller's transaction ends (a concurrent sender skips them: one mail
 * holds each notification once).
 */
export async function claimUnmailed(
  tx: Db,
  userId: string,
  mode: EmailDelivery,
  storeIds: string[],
  limit: number,
): Promise<MailRow[]> {
  const { rows } = await tx.query<MailRow>(
    `SELECT id, store_id, kind, subject_type, subject_id, title, created_at, resolved_at
     FROM notifications
     WHERE user_id = $1 AND email = $2 AND emailed_at IS NULL AND store_id = ANY($3::uuid[])
     ORDER BY created_at, id LIMIT $4
     FOR UPDATE SKIP LOCKED`,
    [userId, mode, storeIds, limit],
  );
  return rows;
}

export async function markEmailed(tx: Db, ids: string[]): Promise<void> {
  await tx.query('UPDATE notifications SET emailed_at = now() WHERE id = ANY($1::uuid[])', [ids]);
}

/**
 * Deletes notifications settled before `days` ago: read in the app, or (mailed only) mailed or
 * never to be. Unread ones stay until their alert goes.
 */
export async function purgeSettled(db: Db, days: number): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM notifications
     WHERE created_at < now() - make_interval(days => $1)
       AND (read_at IS NOT NULL OR (NOT in_app AND (email IS NULL OR emailed_at IS NOT NULL)))`,
    [days],
  );
  return rowCount ?? 0;
}
