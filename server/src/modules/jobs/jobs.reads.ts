import type { Db } from '../../db/pool';

/** A kind of job that keeps failing in a store since it last succeeded. */
export interface FailingJobs {
  type: string;
  /** The first failure since the last success: what the alert is about while it lasts. */
  firstJobId: string;
  error: string | null;
  failures: number;
}

/** What other modules may read of the jobs table. */
export const jobReads = {
  /**
   * Of these job types, those whose latest settled job in the store failed: since the last
   * success (or ever), how many failed, and the first of them.
   */
  async failing(db: Db, storeId: string, types: readonly string[]): Promise<FailingJobs[]> {
    if (!types.length) return [];
    const { rows } = await db.query<{
      type: string;
      id: string;
      error: string | null;
      failures: number;
    }>(
      `WITH settled AS (
         SELECT id, type, status, error, completed_at,
                max(completed_at) FILTER (WHERE status = 'succeeded')
                  OVER (PARTITION BY type) AS last_ok
         FROM jobs
         WHERE store_id = $1 AND type = ANY($2::text[]) AND status IN ('succeeded', 'failed')
       ), streak AS (
         SELECT id, type, error, completed_at,
                count(*) OVER (PARTITION BY type)::int AS failures
         FROM settled
         WHERE status = 'failed' AND (last_ok IS NULL OR completed_at > last_ok)
       )
       SELECT DISTINCT ON (type) type, id, error, failures FROM streak
       ORDER BY type, completed_at, id`,
      [storeId, types],
    );
    return rows.map((r) => ({
      type: r.type,
      firstJobId: r.id,
      error: r.error,
      failures: r.failures,
    }));
  },
};

export type JobReads = typeof jobReads;
