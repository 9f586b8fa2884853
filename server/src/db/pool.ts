import { Pool, type PoolClient, types } from 'pg';

// BIGINT counts and NUMERIC money arrive as strings by default; counts fit in a JS number.
types.setTypeParser(types.builtins.INT8, (v) => Number(v));

export type Db = Pool | PoolClient;

export function createPool(
  connectionString: string,
  max = 10,
  onError: (err: Error) => void = () => undefined,
): Pool {
  const pool = new Pool({
    connectionString,
    max,
    idleTimeoutMillis: 30_000,
    // Under a burst, requests queue for a connection rather than fail; past this, 503.
    connectionTimeoutMillis: 10_000,
    statement_timeout: 30_000,
    application_name: 'nimbus-api',
    // Typo-tolerant search (`<%`): "choclate" is 0.58 similar to "Chocolate"; the default 0.6 misses it.
    options: '-c pg_trgm.word_similarity_threshold=0.5',
  });
  // An idle connection the server closes (restart, failover) must not crash the process:
  // the pool drops it and the next query opens a new one.
  pool.on('error', onError);
  return pool;
}

/** Runs fn inside one transaction on one connection; rolls back on any error. */
export async function withTransaction<T>(
  pool: Pool,
  fn: (tx: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

export function isForeignKeyViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string };
  return e?.code === '23503' && (!constraint || e.constraint === constraint);
}

export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string };
  return e?.code === '23505' && (!constraint || e.constraint === constraint);
}
