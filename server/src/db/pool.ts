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
    // Statements issued together on one connection go out together (each with its own Sync, so
    // each fails alone) instead of one per round trip: `withTransaction` sends BEGIN with the
    // first statement and COMMIT with the last writes (`later`). Code that awaits each
    // statement behaves as before.
    pipeline: true,
  });
  // A connection the server ends (restart, failover, pg_terminate_backend) emits 'error' on its
  // client. The pool listens only while a client is idle; a client checked out for a
  // transaction would raise an unhandled 'error' event and end the process. Every client gets
  // a listener of its own: the query in flight fails (a 503), and pg-pool discards the client
  // on release because it is no longer queryable.
  const live = new Set<PoolClient>();
  liveClients.set(pool, live);
  pool.on('connect', (client) => {
    client.on('error', onError);
    live.add(client);
    client.once('end', () => live.delete(client));
  });
  // Idle clients report through the pool as well; the client listener above has logged it.
  pool.on('error', () => undefined);
  return pool;
}

/** Each pool's connected clients, until their connection has really ended. */
const liveClients = new WeakMap<Pool, Set<PoolClient>>();

/**
 * Ends the pool and waits until each of its connections has really closed. `pool.end()`
 * resolves as soon as it has asked its idle clients to end, before their connections are
 * gone: a database stopped right after (the embedded one, at shutdown) would cut them and
 * each would report a lost connection.
 */
export async function closePool(pool: Pool, timeoutMs = 5000): Promise<void> {
  const live = liveClients.get(pool);
  await pool.end();
  if (!live?.size) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all([...live].map((c) => new Promise((resolve) => c.once('end', resolve)))),
    new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
  ]);
  clearTimeout(timer);
}

/**
 * Runs fn inside one transaction on one connection; rolls back on any error.
 *
 * BEGIN goes out with fn's first statement, and COMMIT with the statements fn handed to
 * `later` (issued, not awaited: the last writes of a change), so a transaction costs no round
 * trip of its own and the rows its last writes lock (a store's counters) are held for one
 * round trip less. The connection answers them in order; a statement that fails aborts the
 * transaction, and the COMMIT after it then rolls back (answered as ROLLBACK), which is an
 * error here like the statement's own.
 */
export async function withTransaction<T>(
  pool: Pool,
  fn: (tx: PoolClient, later: (statement: Promise<unknown>) => void) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const pending: Array<Promise<unknown>> = [client.query('BEGIN')];
  // Each is awaited below or when rolling back; none may reject unobserved meanwhile.
  const later = (statement: Promise<unknown>) => {
    statement.catch(() => undefined);
    pending.push(statement);
  };
  pending[0]!.catch(() => undefined);
  try {
    const result = await fn(client, later);
    const commit = client.query('COMMIT');
    const settled = await Promise.allSettled([...pending.splice(0), commit]);
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    if ((await commit).command !== 'COMMIT')
      throw new Error(`the transaction ended in ${(await commit).command}, not COMMIT`);
    return result;
  } catch (err) {
    await Promise.allSettled(pending);
    if (isDatabaseUnavailable(err)) broken = err as Error;
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    // A lost connection is not handed to the next request.
    client.release(broken);
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

const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'not queryable',
  'timeout exceeded when trying to connect',
  'Cannot use a pool after calling end',
];

/**
 * The database is down, restarting, failing over or out of connections: the request did not
 * fail because of what it asked, and the same request may work in a moment (a 503).
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | undefined;
  if (!e) return false;
  const code = typeof e.code === 'string' ? e.code : '';
  // 08: connection exception, but not 08P01 (protocol violation: a statement bound with the
  // wrong number of parameters, a bug to answer as a 500, not "try again later");
  // 57P01-03: admin/crash shutdown, cannot connect now; 53300: too many connections.
  if ((/^08/.test(code) && code !== '08P01') || /^57P0[123]$/.test(code) || code === '53300')
    return true;
  if (
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND'].includes(code)
  )
    return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return UNAVAILABLE_MESSAGES.some((m) => message.includes(m));
}
