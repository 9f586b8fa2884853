import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';

import type { AlertKind } from '../../core/alerts';

export { ALERT_KINDS, type AlertKind } from '../../core/alerts';
export type SubjectType = 'product' | 'purchase_order' | 'invoice' | 'job' | 'webhook';

/** A condition a check found: what it is about and what the alert says. */
export interface Condition {
  kind: AlertKind;
  subjectType: SubjectType;
  subjectId: string;
  title: string;
  detail: Record<string, unknown>;
}

export type AlertRow = Row<
  'alerts',
  'id' | 'kind' | 'subject_type' | 'subject_id' | 'title' | 'opened_at' | 'resolved_at'
> & { detail: Record<string, unknown> };

const COLUMNS = 'id, kind, subject_type, subject_id, title, detail, opened_at, resolved_at';

/**
 * Makes the store's open alerts of these kinds exactly the conditions found: each new one
 * opens (one open alert per kind and subject: a condition found again changes nothing), each
 * open one no longer found is resolved. Answers what opened and what was resolved.
 */
export async function reconcile(
  db: Db,
  storeId: string,
  kinds: readonly AlertKind[],
  found: readonly Condition[],
): Promise<{ opened: AlertRow[]; resolved: AlertRow[] }> {
  const resolved = await db.query<AlertRow>(
    `UPDATE alerts a SET resolved_at = now()
     WHERE a.store_id = $1 AND a.kind = ANY($2::text[]) AND a.resolved_at IS NULL
       AND NOT EXISTS (
         SELECT 1 FROM unnest($3::text[], $4::uuid[]) AS f (kind, subject_id)
         WHERE f.kind = a.kind AND f.subject_id = a.subject_id)
     RETURNING ${COLUMNS}`,
    [storeId, kinds, found.map((c) => c.kind), found.map((c) => c.subjectId)],
  );
  const opened = found.length
    ? await db.query<AlertRow>(
        `INSERT INTO alerts (store_id, kind, subject_type, subject_id, title, detail)
         SELECT $1, f.kind, f.subject_type, f.subject_id, f.title, f.detail
         FROM unnest($2::text[], $3::text[], $4::uuid[], $5::text[], $6::jsonb[])
           AS f (kind, subject_type, subject_id, title, detail)
         ON CONFLICT (store_id, kind, subject_id) WHERE resolved_at IS NULL DO NOTHING
         RETURNING ${COLUMNS}`,
        [
          storeId,
          found.map((c) => c.kind),
          found.map((c) => c.subjectType),
          found.map((c) => c.subjectId),
          found.map((c) => c.title),
          found.map((c) => JSON.stringify(c.detail)),
        ],
      )
    : { rows: [] };
  return { opened: opened.rows, resolved: resolved.rows };
}

/** The open alerts of these kinds, as `kind:subject` keys. */
export async function openKeys(
  db: Db,
  storeId: string,
  kinds: readonly AlertKind[],
): Promise<Set<string>> {
  const { rows } = await db.query<Row<'alerts', 'kind' | 'subject_id'>>(
    `SELECT kind, subject_id FROM alerts
     WHERE store_id = $1 AND kind = ANY($2::text[]) AND resolved_at IS NULL`,
    [storeId, kinds],
  );
  return new Set(rows.map((r) => `${r.kind}:${r.subject_id}`));
}

/** A page of the store's alerts, newest first; `after` is the last row of the page before. */
export async function listAlerts(
  db: Db,
  storeId: string,
  q: {
    status: 'open' | 'resolved' | 'all';
    kind?: AlertKind;
    limit: number;
    after?: { openedAt: string; id: string };
  },
): Promise<AlertRow[]> {
  const { rows } = await db.query<AlertRow>(
    `SELECT ${COLUMNS} FROM alerts
     WHERE store_id = $1
       AND ($2 = 'all' OR ($2 = 'open') = (resolved_at IS NULL))
       AND ($3::text IS NULL OR kind = $3)
       AND ($4::timestamptz IS NULL OR (opened_at, id) < ($4::timestamptz, $5::uuid))
     ORDER BY opened_at DESC, id DESC
     LIMIT $6`,
    [storeId, q.status, q.kind ?? null, q.after?.openedAt ?? null, q.after?.id ?? null, q.limit],
  );
  return rows;
}

/** How many alerts are open, by kind. */
export async function openCounts(db: Db, storeId: string): Promise<Map<AlertKind, number>> {
  const { rows } = await db.query<{ kind: AlertKind; n: number }>(
    `SELECT kind, count(*)::int AS n FROM alerts
     WHERE store_id = $1 AND resolved_at IS NULL GROUP BY kind`,
    [storeId],
  );
  return new Map(rows.map((r) => [r.kind, r.n]));
}

/** Deletes alerts resolved before `days` ago (their notifications go with them). */
export async function purgeResolved(db: Db, days: number): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM alerts WHERE resolved_at < now() - make_interval(days => $1)`,
    [days],
  );
  return rowCount ?? 0;
}

/** Alerts opened since a local day began, by kind, and how many of them are still open. */
export async function openedSince(
  db: Db,
  storeId: string,
  day: string,
  timezone: string,
): Promise<{ kind: AlertKind; opened: number; stillOpen: number }[]> {
  const { rows } = await db.query<{ kind: AlertKind; opened: number; still_open: number }>(
    `SELECT kind, count(*)::int AS opened,
            count(*) FILTER (WHERE resolved_at IS NULL)::int AS still_open
     FROM alerts WHERE store_id = $1 AND opened_at >= ($2::date::timestamp AT TIME ZONE $3)
     GROUP BY kind ORDER BY kind`,
    [storeId, day, timezone],
  );
  return rows.map((r) => ({ kind: r.kind, opened: r.opened, stillOpen: r.still_open }));
}
