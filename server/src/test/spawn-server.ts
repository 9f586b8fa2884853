import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { TEST_JWT_SECRET } from './app';

export interface SpawnedServer {
  child: ChildProcess;
  port: number;
  base: string;
  /** Every JSON log line so far, parsed. */
  logs(): Array<Record<string, unknown>>;
  exited: Promise<number | null>;
  /** Resolves with the first log line that matches. */
  waitForLog(
    match: (line: Record<string, unknown>) => boolean,
    ms?: number,
  ): Promise<Record<string, unknown>>;
}

/**
 * `main.ts` in a process of its own, as `npm start` runs it: on port 0, with its own Redis
 * key prefix, on the given database (or an embedded one in `dataDir`).
 */
export async function spawnServer(
  opts: { databaseUrl?: string; dataDir?: string; env?: Record<string, string> } = {},
): Promise<SpawnedServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'info',
    DEMO_DATA: 'false',
    REDIS_KEY_PREFIX: `nimbus-test:${randomBytes(4).toString('hex')}:`,
    ...opts.env,
  };
  delete env.DATABASE_URL;
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  if (opts.dataDir) env.DATA_DIR = opts.dataDir;
  const main = path.join(__dirname, '..', 'main.ts');
  // tsx as a loader in this one process: its CLI wrapper relays signals to a child and
  // SIGKILLs it when the child takes over 30 ms to acknowledge, which a loaded server can.
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Array<Record<string, unknown>> = [];
  const waiters: Array<() => void> = [];
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const parts = text.split('\n');
    partial = parts.pop()!;
    for (const l of parts.filter(Boolean)) {
      try {
        lines.push(JSON.parse(l));
      } catch {
        lines.push({ message: l });
      }
    }
    waiters.splice(0).forEach((w) => w());
  });
  const stderr: string[] = [];
  child.stderr!.on('data', (c: Buffer) => stderr.push(c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  const waitForLog = (match: (line: Record<string, unknown>) => boolean, ms = 30_000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no matching log line in ${ms} ms:\n${lines.map((l) => JSON.stringify(l)).join('\n')}\n${stderr.join('')}`,
            ),
          ),
        ms,
      );
      const check = () => {
        const found = lines.find(match);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        } else waiters.push(check);
      };
      check();
    });

  const ready = await waitForLog((l) => l.message === 'Nimbus is ready', 60_000);
  const port = Number(ready.port);
  return {
    child,
    port,
    base: `http://127.0.0.1:${port}`,
    logs: () => lines,
    exited,
    waitForLog,
  };
}
