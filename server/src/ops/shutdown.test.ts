import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestDb, type TestDb } from '../test/db';
import { TEST_JWT_SECRET } from '../test/app';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.drop());

test.each(['external', 'embedded'])(
  'on SIGTERM the server (%s PostgreSQL) stops taking traffic, drains, closes and exits 0',
  async (mode) => {
    const main = path.join(__dirname, '..', 'main.ts');
    const dataDir =
      mode === 'embedded' ? await mkdtemp(path.join(os.tmpdir(), 'nimbus-shutdown-')) : undefined;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'info',
      DEMO_DATA: 'false',
      REDIS_KEY_PREFIX: `nimbus-test:${randomBytes(4).toString('hex')}:`,
    };
    delete env.DATABASE_URL;
    if (dataDir) env.DATA_DIR = dataDir;
    else env.DATABASE_URL = db.url;
    const child = spawn(process.execPath, [require.resolve('tsx/cli'), main], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    child.stdout.on('data', (c: Buffer) => lines.push(...c.toString().split('\n').filter(Boolean)));
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`server did not start: ${lines.join('\n')}`)),
        30_000,
      );
      child.stdout.on('data', () => {
        const ready = lines.map((l) => JSON.parse(l)).find((l) => l.message === 'Nimbus is ready');
        if (ready) {
          clearTimeout(timer);
          resolve(ready.port);
        }
      });
    });
    const base = `http://127.0.0.1:${port}/api/v1/health`;
    expect((await fetch(`${base}/readiness`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    child.kill('SIGTERM');
    const code = await exited;
    expect(code).toBe(0);
    const messages = lines.map((l) => JSON.parse(l).message);
    expect(messages).toEqual(expect.arrayContaining(['shutting down', 'stopped']));
    // The database outlives the drain: nothing cut the pool's connections from under it.
    expect(messages).not.toContain('idle database connection lost');
    await expect(fetch(`${base}/liveness`)).rejects.toThrow();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  },
  60_000,
);
