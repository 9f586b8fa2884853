import type { Pool } from 'pg';
import { withTransaction } from '../../../db/pool';
import type { BuiltQuery } from './build-query';

/** Custom reports read at most this long: an expensive combination must not hold a connection. */
const STATEMENT_TIMEOUT_MS = 30_000;

/**
 * Runs a query built from the whitelist (build-query.ts) in a read-only transaction with a
 * statement timeout, and renders each row by its columns: numbers as numbers, instants as ISO
 * text.
 */
export async function runCustom(pool: Pool, q: BuiltQuery) {
  const rows = await withTransaction(pool, async (tx) => {
    await tx.query('SET TRANSACTION READ ONLY');
    await tx.query(`SET LOCAL statement_timeout = ${STATEMENT_TIMEOUT_MS}`);
    return (await tx.query<Record<string, unknown>>(q.text, q.values)).rows;
  });
  return rows.map((r) =>
    Object.fromEntries(
      q.columns.map((c, i) => {
        const v = r[`c${i}`];
        if (v === null || v === undefined) return [c.name, null];
        if (c.type === 'number') return [c.name, Number(v)];
        if (v instanceof Date) return [c.name, v.toISOString()];
        return [c.name, v];
      }),
    ),
  );
}
