import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';

/** A store as the scheduler sees it: where it is, and since when it exists. */
export interface ScheduledStore {
  id: string;
  timezone: string;
  createdAt: Date;
}

/** A task's place in the day (or week): `cadence` weekly runs on Mondays. */
export interface TaskTiming {
  task: string;
  cadence: 'daily' | 'weekly';
  defaultAt: string;
}

/** A run that fell due and was not claimed yet. */
export interface DueRun {
  storeId: string;
  task: string;
  dueAt: Date;
}

// The stores and the tasks arrive as arrays (the stores module owns `stores`; the task list
// lives in code). Each (store, task) has its latest slot at or before `now` in the store's
// own time zone: today's (or this Monday's) local time if it has passed, else the one before.
// Local arithmetic (`timestamp` without zone, then AT TIME ZONE) keeps 02:00 at 02:00 across
// daylight-saving changes (a 02:00 that does not exist runs at the first instant after it).
// A slot is due once: not before the store existed, and not when the task already ran on that
// local day (or week): a time moved later the same day does not run it twice.
const DUE_RUNS = `
  WITH stores_in (store_id, tz, since) AS (
    SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[])
  ),
  tasks_in (task, cadence, default_at) AS (
    SELECT * FROM unnest($4::text[], $5::text[], $6::time[])
  ),
  planned AS (
    SELECT st.store_id, st.tz, st.since, t.task, t.cadence,
           coalesce(sc.at_local, t.default_at) AS at_local,
           ($7::timestamptz AT TIME ZONE st.tz) AS local_now
    FROM stores_in st
    CROSS JOIN tasks_in t
    LEFT JOIN store_schedules sc ON sc.store_id = st.store_id AND sc.task = t.task
    WHERE coalesce(sc.enabled, true)
  ),
  slots AS (
    SELECT store_id, tz, since, task,
           CASE WHEN cadence = 'weekly' THEN 'week' ELSE 'day' END AS period,
           CASE WHEN cadence = 'weekly'
             THEN date_trunc('week', local_now) + at_local
                  - CASE WHEN local_now < date_trunc('week', local_now) + at_local
                      THEN interval '7 days' ELSE interval '0' END
             ELSE date_trunc('day', local_now) + at_local
                  - CASE WHEN local_now::time < at_local THEN interval '1 day' ELSE interval '0' END
           END AS due_local
    FROM planned
  )
  SELECT s.store_id, s.task, s.due_local AT TIME ZONE s.tz AS due_at
  FROM slots s
  WHERE s.due_local AT TIME ZONE s.tz >= s.since
    AND NOT EXISTS (
      SELECT 1 FROM schedule_runs r
      WHERE r.store_id = s.store_id AND r.task = s.task
        AND date_trunc(s.period, r.due_at AT TIME ZONE s.tz) = date_trunc(s.period, s.due_local)
    )
  ORDER BY s.due_local AT TIME ZONE s.tz, s.store_id, s.task`;

export async function dueRuns(
  db: Db,
  stores: readonly ScheduledStore[],
  tasks: readonly TaskTiming[],
  now: Date,
): Promise<DueRun[]> {
  if (!stores.length || !tasks.length) return [];
  const { rows } = await db.query<{ store_id: string; task: string; due_at: Date }>(DUE_RUNS, [
    stores.map((s) => s.id),
    stores.map((s) => s.timezone),
    stores.map((s) => s.createdAt),
    tasks.map((t) => t.task),
    tasks.map((t) => t.cadence),
    tasks.map((t) => t.defaultAt),
    now,
  ]);
  return rows.map((r) => ({ storeId: r.store_id, task: r.task, dueAt: r.due_at }));
}

/** Claims a due run; false when another process (or an earlier tick) already has. */
export async function claimRun(db: Db, run: DueRun): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO schedule_runs (store_id, task, due_at) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING`,
    [run.storeId, run.task, run.dueAt],
  );
  return rowCount === 1;
}

export async function recordRunJob(db: Db, run: DueRun, jobId: string | null): Promise<void> {
  await db.query(
    'UPDATE schedule_runs SET job_id = $4 WHERE store_id = $1 AND task = $2 AND due_at = $3',
    [run.storeId, run.task, run.dueAt, jobId],
  );
}

type ScheduleRow = Row<'store_schedules', 'task' | 'at_local' | 'enabled'>;

/** The times a store chose (tasks it left at their defaults have no row). */
export async function storeSchedules(db: Db, storeId: string): Promise<ScheduleRow[]> {
  const { rows } = await db.query<ScheduleRow>(
    'SELECT task, at_local, enabled FROM store_schedules WHERE store_id = $1',
    [storeId],
  );
  return rows;
}

export async function saveSchedule(
  db: Db,
  storeId: string,
  s: { task: string; atLocal: string; enabled: boolean },
): Promise<void> {
  await db.query(
    `INSERT INTO store_schedules (store_id, task, at_local, enabled) VALUES ($1, $2, $3, $4)
     ON CONFLICT (store_id, task)
       DO UPDATE SET at_local = EXCLUDED.at_local, enabled = EXCLUDED.enabled, updated_at = now()`,
    [storeId, s.task, s.atLocal, s.enabled],
  );
}

/** Each task's latest run in the store. */
export async function lastRuns(
  db: Db,
  storeId: string,
): Promise<Map<string, { dueAt: Date; jobId: string | null }>> {
  const { rows } = await db.query<Row<'schedule_runs', 'task' | 'due_at' | 'job_id'>>(
    `SELECT DISTINCT ON (task) task, due_at, job_id FROM schedule_runs
     WHERE store_id = $1 ORDER BY task, due_at DESC`,
    [storeId],
  );
  return new Map(rows.map((r) => [r.task, { dueAt: r.due_at, jobId: r.job_id }]));
}

/** The next local slot after `now` of each timing, as an instant (the same local arithmetic). */
export async function nextRuns(
  db: Db,
  timezone: string,
  timings: readonly { task: string; cadence: 'daily' | 'weekly'; at: string }[],
  now: Date,
): Promise<Map<string, Date>> {
  if (!timings.length) return new Map();
  const { rows } = await db.query<{ task: string; next_at: Date }>(
    `WITH t (task, cadence, at_local) AS (SELECT * FROM unnest($2::text[], $3::text[], $4::time[])),
     l AS (SELECT $5::timestamptz AT TIME ZONE $1 AS local_now)
     SELECT t.task,
       (CASE WHEN t.cadence = 'weekly'
          THEN date_trunc('week', l.local_now) + t.at_local
               + CASE WHEN l.local_now >= date_trunc('week', l.local_now) + t.at_local
                   THEN interval '7 days' ELSE interval '0' END
          ELSE date_trunc('day', l.local_now) + t.at_local
               + CASE WHEN l.local_now::time >= t.at_local THEN interval '1 day' ELSE interval '0' END
        END) AT TIME ZONE $1 AS next_at
     FROM t, l`,
    [
      timezone,
      timings.map((t) => t.task),
      timings.map((t) => t.cadence),
      timings.map((t) => t.at),
      now,
    ],
  );
  return new Map(rows.map((r) => [r.task, r.next_at]));
}

/** Claims a system task's slot (an hour) across replicas; false when it is taken. */
export async function claimSystemRun(db: Db, task: string, dueAt: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO schedule_system_runs (task, due_at) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [task, dueAt],
  );
  return rowCount === 1;
}

export async function recordSystemJob(db: Db, task: string, dueAt: Date, jobId: string) {
  await db.query('UPDATE schedule_system_runs SET job_id = $3 WHERE task = $1 AND due_at = $2', [
    task,
    dueAt,
    jobId,
  ]);
}

/**
 * Deletes runs older than `days` (a store task's latest run stays: Settings shows it) and
 * system runs older than a day (only the current hour's slot matters). Answers how many went.
 */
export async function purgeOldRuns(db: Db, days: number): Promise<number> {
  const store = await db.query(
    `DELETE FROM schedule_runs r WHERE r.due_at < now() - make_interval(days => $1)
       AND EXISTS (SELECT 1 FROM schedule_runs n
                   WHERE n.store_id = r.store_id AND n.task = r.task AND n.due_at > r.due_at)`,
    [days],
  );
  const system = await db.query(
    `DELETE FROM schedule_system_runs WHERE due_at < now() - interval '1 day'`,
  );
  return (store.rowCount ?? 0) + (system.rowCount ?? 0);
}
