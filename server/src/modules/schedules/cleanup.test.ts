import { buildTestApp, useTestApp } from '../../test/app';
import { createProduct, storeWithMember } from '../../test/factories';

/*
 * The hourly cleanup: a system task whose hour is claimed once across replicas, whose job has
 * each module delete what is past its retention in its own tables, and nothing fresh.
 */
const t = useTestApp();

const count = async (sql: string, params: unknown[]) =>
  (await t.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) x`, params))
    .rows[0]!.n;

test('when two servers tick in the same hour, then the cleanup is queued once for that hour and again the next hour', async () => {
  const replica = await buildTestApp({}, t);
  try {
    const at = '2031-05-05T10:17:00Z';
    const [a, b] = await Promise.all([
      t.services.schedules.tickSystem(new Date(at)),
      replica.services.schedules.tickSystem(new Date(at)),
    ]);
    expect([...a, ...b].map((r) => ({ task: r.task, dueAt: r.dueAt.toISOString() }))).toEqual([
      { task: 'cleanup', dueAt: '2031-05-05T10:00:00.000Z' },
    ]);
    expect(await t.services.schedules.tickSystem(new Date('2031-05-05T10:59:00Z'))).toEqual([]);
    expect(await replica.services.schedules.tickSystem(new Date('2031-05-05T11:00:05Z'))).toEqual([
      { task: 'cleanup', dueAt: new Date('2031-05-05T11:00:00Z') },
    ]);
    expect(
      await count(
        `SELECT 1 FROM schedule_system_runs r JOIN jobs j ON j.id = r.job_id
         WHERE r.task = 'cleanup' AND r.due_at >= $1 AND j.type = 'schedules.system' AND j.store_id IS NULL`,
        ['2031-05-05T10:00:00Z'],
      ),
    ).toBe(2);
  } finally {
    await replica.close();
  }
});

test('when the cleanup job runs, then events, keys, sessions, reset links, alerts, notifications, jobs and runs past their retention are deleted, and fresh ones kept', async () => {
  const s = await storeWithMember(t, 'admin');
  const db = t.db.pool;
  const userId = s.user.id;
  const p = await createProduct(s, { name: 'Soap', initialQuantity: 3 });
  // Published events: one 8 days ago (past OUTBOX_RETENTION_DAYS 7), the rest now.
  await db.query(`UPDATE outbox_events SET published_at = now() WHERE store_id = $1`, [s.storeId]);
  await db.query(
    `UPDATE outbox_events SET published_at = now() - interval '8 days'
     WHERE id = (SELECT min(id) FROM outbox_events WHERE store_id = $1)`,
    [s.storeId],
  );
  const events = await count('SELECT 1 FROM outbox_events WHERE store_id = $1', [s.storeId]);
  await db.query(
    `INSERT INTO idempotency_keys (principal, key, request_hash, status, created_at)
     VALUES ($1, 'old', 'h', 'done', now() - interval '3 days'), ($1, 'new', 'h', 'done', now())`,
    [`cleanup-${userId}`],
  );
  await db.query(
    `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at, used_at)
     VALUES ($1::uuid, gen_random_uuid(), 'dead-' || $1::text, now() - interval '2 days', NULL),
            ($1, gen_random_uuid(), 'live-' || $1::text, now() + interval '20 days', NULL)`,
    [userId],
  );
  await db.query(
    `INSERT INTO password_reset_tokens (user_id, token_hash, expires_at, used_at)
     VALUES ($1::uuid, 'used-' || $1::text, now() + interval '1 hour', now() - interval '2 days'),
            ($1, 'fresh-' || $1::text, now() + interval '1 hour', NULL)`,
    [userId],
  );
  const { rows: alerts } = await db.query<{ id: string }>(
    `INSERT INTO alerts (store_id, kind, subject_type, subject_id, title, opened_at, resolved_at)
     VALUES ($1, 'low_stock', 'product', $2, 'old', now() - interval '300 days', now() - interval '200 days'),
            ($1, 'low_stock', 'product', $2, 'recent', now() - interval '3 days', now() - interval '1 day'),
            ($1, 'low_stock', 'product', $2, 'open', now() - interval '300 days', NULL)
     RETURNING id`,
    [s.storeId, p.id],
  );
  await db.query(
    `INSERT INTO notifications (user_id, store_id, alert_id, kind, subject_type, subject_id, title, in_app, created_at, read_at)
     VALUES ($1, $2, $3, 'low_stock', 'product', $5, 'read long ago', true, now() - interval '100 days', now() - interval '99 days'),
            ($1, $2, $4, 'low_stock', 'product', $5, 'unread', true, now() - interval '100 days', NULL)`,
    [userId, s.storeId, alerts[1]!.id, alerts[2]!.id, p.id],
  );
  await db.query(
    `INSERT INTO jobs (store_id, type, status, payload, completed_at)
     VALUES ($1, 'reports.run', 'succeeded', '{}', now() - interval '40 days'),
            ($1, 'reports.run', 'failed', '{}', now() - interval '2 days')`,
    [s.storeId],
  );
  await db.query(
    `INSERT INTO schedule_runs (store_id, task, due_at)
     VALUES ($1, 'stock', now() - interval '200 days'), ($1, 'stock', now() - interval '150 days'),
            ($1, 'expiry', now() - interval '1 day')`,
    [s.storeId],
  );

  expect(await t.services.schedules.tickSystem(new Date('2031-06-01T03:00:00Z'))).toHaveLength(1);
  await t.services.jobs.drain();

  const left = async (sql: string, params: unknown[] = [s.storeId]) => count(sql, params);
  expect(await left('SELECT 1 FROM outbox_events WHERE store_id = $1')).toBe(events - 1);
  expect(
    (await db.query('SELECT key FROM idempotency_keys WHERE principal = $1', [`cleanup-${userId}`]))
      .rows,
  ).toEqual([{ key: 'new' }]);
  expect(
    (await db.query('SELECT token_hash FROM refresh_tokens WHERE user_id = $1', [userId])).rows,
  ).toEqual([{ token_hash: `live-${userId}` }]);
  expect(
    (await db.query('SELECT token_hash FROM password_reset_tokens WHERE user_id = $1', [userId]))
      .rows,
  ).toEqual([{ token_hash: `fresh-${userId}` }]);
  expect(
    (await db.query('SELECT title FROM alerts WHERE store_id = $1 ORDER BY title', [s.storeId]))
      .rows,
  ).toEqual([{ title: 'open' }, { title: 'recent' }]);
  expect(
    (await db.query('SELECT title FROM notifications WHERE user_id = $1', [userId])).rows,
  ).toEqual([{ title: 'unread' }]);
  expect(
    (
      await db.query(`SELECT status FROM jobs WHERE store_id = $1 AND type = 'reports.run'`, [
        s.storeId,
      ])
    ).rows,
  ).toEqual([{ status: 'failed' }]);
  // The old stock run goes; the task's latest stays (Settings shows it), however old.
  expect(
    (
      await db.query(
        `SELECT task, due_at < now() - interval '100 days' AS old FROM schedule_runs
         WHERE store_id = $1 ORDER BY task`,
        [s.storeId],
      )
    ).rows,
  ).toEqual([
    { task: 'expiry', old: false },
    { task: 'stock', old: true },
  ]);
  // The cleanup job itself finished.
  expect(
    await count(
      `SELECT 1 FROM jobs j JOIN schedule_system_runs r ON r.job_id = j.id
       WHERE r.due_at = '2031-06-01T03:00:00Z' AND j.status = 'succeeded'`,
      [],
    ),
  ).toBe(1);
});
