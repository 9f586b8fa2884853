import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Semaphore } from '../../../platform/semaphore';
import { MAX_PARSE_WORKERS, PARSE_WORKER_HEAP_MB, unprocessable } from './import-limits';
import type { Batch } from './import-parse';
import type { ImportFormat } from './import-source';
import type { ParseJob } from './parse-worker';
import type { SheetBatch, SheetRow } from './sheet-rows';

type Message<B> =
  | ({ type: 'batch' } & B)
  | { type: 'done' }
  | { type: 'error'; refused: boolean; message: string }
  | { type: 'crash'; error: Error & { code?: string } }
  | { type: 'exit'; code: number };

const slots = new Semaphore(MAX_PARSE_WORKERS);

// Built, the worker is parse-worker.js beside this file. From source (tsx, ts-jest) it is the
// .ts file, and Node 20 needs tsx's loader in the worker to run it (the worker does not
// inherit the parent's loader).
const fromSource = __filename.endsWith('.ts');
const entry = path.join(__dirname, `parse-worker.${fromSource ? 'ts' : 'js'}`);
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
    if (m.type === 'crash' && m.error.code === 'ERR_WORKER_OUT_OF_MEMORY')
      throw unprocessable(
        'The file is too large to read: it needs more memory than an import may use',
      );
    if (m.type === 'error') throw new Error(`import parse failed: ${m.message}`);
    if (m.type === 'crash') throw m.error;
    throw new Error(`the import parse worker stopped (exit code ${m.code})`);
  }
}

/**
 * Runs a parse job off the main thread and hands `use` its batches. At most
 * MAX_PARSE_WORKERS run at once in the process, each with a capped heap; the rest queue.
 * The main thread is left only the database work.
 */
function inWorker<B, T>(
  workerData: ParseJob,
  use: (batches: AsyncIterable<B>) => Promise<T>,
): Promise<T> {
  return slots.run(async () => {
    // Uploads and job inputs are in shared memory (http/upload-storage.ts, jobs.repo input()):
    // they go over uncopied.
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
  });
}

/** Parses a product import off the main thread and hands `use` its batches of checked rows. */
export function withParsedRows<T>(
  file: Buffer,
  format: ImportFormat,
  options: { skipThrough?: number },
  use: (rows: AsyncIterable<Batch>) => Promise<T>,
): Promise<T> {
  return inWorker<Batch, T>(
    { task: 'import', file, format, skipThrough: options.skipThrough ?? 0 },
    use,
  );
}

/**
 * Every non-blank row of a CSV or XLSX, read off the main thread by the import's reader and
 * limits, uninterpreted: for files that are not product lists (supplier invoices). For
 * files small enough to hold their rows at once (`maxRows`).
 */
export function readSheet(file: Buffer, format: ImportFormat, maxRows: number) {
  return inWorker<SheetBatch, SheetRow[]>({ task: 'rows', file, format, maxRows }, async (all) => {
    const rows: SheetRow[] = [];
    for await (const batch of all) rows.push(...batch.rows);
    return rows;
  });
}
