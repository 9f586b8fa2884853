import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { RateLimitedError, ServiceUnavailableError } from '../core/errors';
import { KeyedLimiter } from '../platform/keyed-limiter';
import {
  MAX_PARSE_WORKERS,
  PARSE_WORKER_HEAP_MB,
  PARSE_WORKER_RSS_MB,
  unprocessable,
} from './limits';
import type { ReadJob } from './read-worker';
import type { SheetBatch, SheetRow } from './sheet-rows';
import type { SheetFormat } from './sheet-source';

type Message<B> =
  | ({ type: 'batch' } & B)
  | { type: 'done' }
  | { type: 'error'; refused: boolean; message: string }
  | { type: 'crash'; error: Error & { code?: string } }
  | { type: 'exit'; code: number }
  | { type: 'memory' };

/** One file of a store parsed at a time, MAX_PARSE_WORKERS in the process; the rest queue. */
const slots = new KeyedLimiter({ perKey: 1, total: MAX_PARSE_WORKERS });
const MB = 1024 * 1024;
const WATCH_MS = 50;
/** How long a request waits for a parse slot before it is refused (a job waits its turn). */
export const REQUEST_WAIT_MS = 10_000;
const refuse = (full: 'key' | 'total') =>
  full === 'key'
    ? new RateLimitedError(
        5,
        'Another file of this store is being read (an import may be running): try again when it has finished',
      )
    : new ServiceUnavailableError('The server is reading other files: try again shortly', {
        retryAfterSeconds: 2,
      });
const tooMuchMemory = () =>
  unprocessable('The file is too large to read: it needs more memory than an import may use');

// Built, the worker is read-worker.js beside this file. From source (tsx, Vitest) it is the
// .ts file, and Node 20 needs tsx's loader in the worker to run it (the worker does not
// inherit the parent's loader); a feature's reader module it loads goes through it too.
const fromSource = __filename.endsWith('.ts');
const entry = path.join(__dirname, `read-worker.${fromSource ? 'ts' : 'js'}`);
const execArgv = fromSource ? ['--require', require.resolve('tsx/cjs')] : undefined;

/** The worker's messages, one at a time; crash and exit events come through the same queue. */
function inbox<B>(worker: Worker) {
  type M = Message<B>;
  const queue: M[] = [];
  let wake: (() => void) | undefined;
  const push = (m: M) => {
    queue.push(m);
    wake?.();
  };
  worker.on('message', (m: M) => push(m));
  worker.on('error', (error: Error) => push({ type: 'crash', error }));
  worker.on('exit', (code: number) => push({ type: 'exit', code }));
  // A worker's ArrayBuffers are outside its heap limit: the process's resident memory is
  // watched while it runs, and the worker stopped past PARSE_WORKER_RSS_MB of growth.
  const baseline = process.memoryUsage.rss();
  const watchdog = setInterval(() => {
    if (process.memoryUsage.rss() - baseline < PARSE_WORKER_RSS_MB * MB) return;
    clearInterval(watchdog);
    push({ type: 'memory' });
    void worker.terminate();
  }, WATCH_MS);
  watchdog.unref();
  worker.once('exit', () => clearInterval(watchdog));
  return async (): Promise<M> => {
    while (!queue.length) await new Promise<void>((resolve) => (wake = resolve));
    return queue.shift()!;
  };
}

async function* batches<B>(worker: Worker): AsyncGenerator<B> {
  const next = inbox<B>(worker);
  for (;;) {
    worker.postMessage('next');
    const m = await next();
    if (m.type === 'done') return;
    if (m.type === 'batch') {
      const { type: _type, ...batch } = m;
      yield batch as B;
      continue;
    }
    if (m.type === 'error' && m.refused) throw unprocessable(m.message);
    if (m.type === 'memory') throw tooMuchMemory();
    if (m.type === 'crash' && m.error.code === 'ERR_WORKER_OUT_OF_MEMORY') throw tooMuchMemory();
    if (m.type === 'error') throw new Error(`import parse failed: ${m.message}`);
    if (m.type === 'crash') throw m.error;
    throw new Error(`the import parse worker stopped (exit code ${m.code})`);
  }
}

/**
 * Runs a read job off the main thread and hands `use` its batches. One file of a store at a
 * time and at most MAX_PARSE_WORKERS in the process, each with a capped heap and watched
 * memory; the rest queue. The main thread is left only the database work.
 */
function inWorker<B, T>(
  storeId: string,
  maxWaitMs: number,
  workerData: ReadJob,
  use: (batches: AsyncIterable<B>) => Promise<T>,
): Promise<T> {
  return slots.run(
    storeId,
    async () => {
      // Uploads and job inputs are in shared memory (files/shared-file.ts): they go over
      // uncopied.
      const worker = new Worker(entry, {
        workerData,
        execArgv,
        resourceLimits: { maxOldGenerationSizeMb: PARSE_WORKER_HEAP_MB },
      });
      try {
        return await use(batches<B>(worker));
      } finally {
        await worker.terminate();
      }
    },
    { maxWaitMs, refuse },
  );
}

/**
 * Reads a file off the main thread with a feature's own reader (`reader.module`, a path
 * without extension, exporting `reader.name`: see read-worker.ts) and hands `use` its
 * batches: the product import checks its rows there.
 */
export function readInWorker<B, T>(
  storeId: string,
  file: Buffer,
  format: SheetFormat,
  reader: { module: string; name: string; args: unknown[] },
  /** How long to wait for the store's read slot (a request: REQUEST_WAIT_MS). */
  maxWaitMs: number,
  use: (batches: AsyncIterable<B>) => Promise<T>,
): Promise<T> {
  return inWorker<B, T>(storeId, maxWaitMs, { task: 'reader', file, format, ...reader }, use);
}

/**
 * Every non-blank row of a CSV or XLSX, read off the main thread with the spreadsheet limits,
 * uninterpreted: for files that are not product lists (supplier invoices). For files small
 * enough to hold their rows at once (`maxRows`).
 */
export function readSheet(storeId: string, file: Buffer, format: SheetFormat, maxRows: number) {
  const job: ReadJob = { task: 'rows', file, format, maxRows };
  return inWorker<SheetBatch, SheetRow[]>(storeId, REQUEST_WAIT_MS, job, async (all) => {
    const rows: SheetRow[] = [];
    for await (const batch of all) rows.push(...batch.rows);
    return rows;
  });
}
