import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';

/** A retried job stores its result again: the last run's stands. */
export async function saveResult(
  db: Db,
  storeId: string,
  jobId: string,
  report: string,
  result: unknown,
) {
  await db.query(
    `INSERT INTO report_results (job_id, store_id, report, result) VALUES ($1, $2, $3, $4)
     ON CONFLICT (job_id) DO UPDATE SET result = EXCLUDED.result, created_at = now()`,
    [jobId, storeId, report, JSON.stringify(result)],
  );
}

export async function findResult(db: Db, storeId: string, jobId: string) {
  const { rows } = await db.query<Row<'report_results', 'report' | 'result'>>(
    'SELECT report, result FROM report_results WHERE store_id = $1 AND job_id = $2',
    [storeId, jobId],
  );
  return rows[0];
}
