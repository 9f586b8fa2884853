import type { Db } from '../../db/pool';
import { one, type Row } from '../../db/rows';

export type SubscriptionRow = Row<
  'push_subscriptions',
  | 'id'
  | 'user_id'
  | 'endpoint'
  | 'p256dh'
  | 'auth'
  | 'label'
  | 'user_agent'
  | 'expires_at'
  | 'created_at'
  | 'last_used_at'
  | 'failures'
>;
const COLUMNS =
  'id, user_id, endpoint, p256dh, auth, label, user_agent, expires_at, created_at, last_used_at, failures';

export interface NewSubscription {
  userId: string;
  endpoint: string;
  p256dh: Buffer;
  auth: Buffer;
  label: string | null;
  userAgent: string | null;
  expiresAt: Date | null;
}

/**
 * One row per endpoint: subscribing again updates its keys, and an endpoint subscribed by
 * another user (the browser's last user signed out, another signed in) becomes this user's.
 */
export async function upsert(db: Db, s: NewSubscription): Promise<SubscriptionRow> {
  const { rows } = await db.query<SubscriptionRow>(
    `INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, label, user_agent, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (endpoint) DO UPDATE
       SET user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth,
           label = coalesce(excluded.label, push_subscriptions.label),
           user_agent = excluded.user_agent, expires_at = excluded.expires_at, failures = 0,
           created_at = CASE WHEN push_subscriptions.user_id = excluded.user_id
                             THEN push_subscriptions.created_at ELSE now() END
     RETURNING ${COLUMNS}`,
    [s.userId, s.endpoint, s.p256dh, s.auth, s.label, s.userAgent, s.expiresAt],
  );
  return one(rows);
}

/** Removes the user's oldest subscriptions beyond `keep` (least recently used first). */
export async function trim(db: Db, userId: string, keep: number): Promise<void> {
  await db.query(
    `DELETE FROM push_subscriptions WHERE id IN (
       SELECT id FROM push_subscriptions WHERE user_id = $1
       ORDER BY coalesce(last_used_at, created_at) DESC, id DESC OFFSET $2)`,
    [userId, keep],
  );
}

export async function listOf(db: Db, userId: string): Promise<SubscriptionRow[]> {
  const { rows } = await db.query<SubscriptionRow>(
    `SELECT ${COLUMNS} FROM push_subscriptions WHERE user_id = $1 ORDER BY created_at DESC, id`,
    [userId],
  );
  return rows;
}

/** Deletes the user's subscription by endpoint or id; false when the user has no such one. */
export async function removeOwn(
  db: Db,
  userId: string,
  by: { endpoint: string } | { id: string },
): Promise<boolean> {
  const [column, value] = 'id' in by ? ['id', by.id] : ['endpoint', by.endpoint];
  const { rowCount } = await db.query(
    `DELETE FROM push_subscriptions WHERE user_id = $1 AND ${column} = $2`,
    [userId, value],
  );
  return (rowCount ?? 0) > 0;
}

/** The users among `userIds` with at least one subscription. */
export async function usersWithSubscriptions(db: Db, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const { rows } = await db.query<{ user_id: string }>(
    'SELECT DISTINCT user_id FROM push_subscriptions WHERE user_id = ANY($1::uuid[])',
    [userIds],
  );
  return new Set(rows.map((r) => r.user_id));
}

/** Gone at the push service (404/410): removed whoever holds it now. */
export async function removeById(db: Db, id: string): Promise<void> {
  await db.query('DELETE FROM push_subscriptions WHERE id = $1', [id]);
}

export async function delivered(db: Db, id: string): Promise<void> {
  await db.query('UPDATE push_subscriptions SET last_used_at = now(), failures = 0 WHERE id = $1', [
    id,
  ]);
}

/** Counts a refusal; a subscription refused `limit` times in a row is removed. */
export async function refused(db: Db, id: string, limit: number): Promise<number> {
  const { rows } = await db.query<{ failures: number }>(
    'UPDATE push_subscriptions SET failures = failures + 1 WHERE id = $1 RETURNING failures',
    [id],
  );
  const failures = rows[0]?.failures ?? 0;
  if (failures >= limit) await removeById(db, id);
  return failures;
}

export type PushNotificationRow = Row<
  'notifications',
  'id' | 'store_id' | 'alert_id' | 'kind' | 'subject_type' | 'subject_id' | 'title' | 'resolved_at'
>;

/** The user's notifications to push (theirs only, whatever ids a job carries). */
export async function notificationsToPush(
  db: Db,
  userId: string,
  ids: string[],
): Promise<PushNotificationRow[]> {
  const { rows } = await db.query<PushNotificationRow>(
    `SELECT id, store_id, alert_id, kind, subject_type, subject_id, title, resolved_at
     FROM notifications WHERE user_id = $1 AND id = ANY($2::uuid[])
     ORDER BY created_at, id`,
    [userId, ids],
  );
  return rows;
}
