import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';

/** The built API (`dist/main.js`) as a process of its own, for the benches that need one. */
export interface ApiProcess {
  child: ChildProcess;
  base: string;
  port: number;
}

/** Starts the built server with `env`; resolves once it logs that it is ready, with its port. */
export function startApiProcess(env: NodeJS.ProcessEnv): Promise<ApiProcess> {
  const main = path.join(__dirname, '..', 'main.js');
  const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const ready = buffered.split('\n').find((l) => l.includes('Nimbus is ready'));
      if (!ready) return;
      const port = Number((JSON.parse(ready) as { port: number }).port);
      child.stdout!.removeAllListeners('data');
      child.stdout!.resume();
      resolve({ child, port, base: `http://127.0.0.1:${port}` });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

/** One statement on its own connection (CREATE or DROP DATABASE). */
export async function adminQuery(url: string, sql: string) {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}
