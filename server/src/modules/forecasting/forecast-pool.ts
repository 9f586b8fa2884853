import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Total, TotalsTask } from './forecast-worker';

export type { Total };

// As files/read-in-worker.ts: built, the worker is the .js beside this file; from source, tsx's
// loader runs the .ts (a worker does not inherit the parent's loader).
const fromSource = __filename.endsWith('.ts');
const entry = path.join(__dirname, `forecast-worker.${fromSource ? 'ts' : 'js'}`);
const execArgv = fromSource ? ['--require', require.resolve('tsx/cjs')] : undefined;
const HEAP_MB = 256;
/** Series per message: reports forecasting at the same time take turns in the worker. */
const BATCH = 25;

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (t: Total[]) => void; reject: (e: Error) => void }>();

/** One worker for the whole process, started on first use; it keeps the process alive only while it works. */
function forecaster(): Worker {
  if (worker) return worker;
  const w = new Worker(entry, { execArgv, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
  w.unref();
  w.on('message', ({ id, totals }: { id: number; totals: Total[] }) => {
    pending.get(id)?.resolve(totals);
    pending.delete(id);
    if (!pending.size) w.unref();
  });
  const fail = (err: Error) => {
    if (worker === w) worker = undefined;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`the forecast worker stopped (exit code ${code})`)));
  worker = w;
  return w;
}

function run(task: Omit<TotalsTask, 'id'>): Promise<Total[]> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    const w = forecaster();
    w.ref();
    // The arrays move to the worker instead of being copied.
    forecaster().postMessage(
      { ...task, id },
      task.histories.map((h) => h.buffer as ArrayBuffer),
    );
  });
}

/**
 * For each history, the total of its forecast over the horizon (less the first `skip`
 * points), forecast in a worker thread so the event loop stays free. `onBatch` hears how many
 * are done after each batch (a job's progress).
 */
export async function forecastTotals(
  histories: ReadonlyArray<ArrayLike<number>>,
  options: { horizon: number; seasonLength: number; skip: number },
  onBatch?: (done: number) => Promise<void>,
): Promise<Total[]> {
  const out: Total[] = [];
  for (let i = 0; i < histories.length; i += BATCH) {
    // Copies: what is transferred is gone from this thread.
    const batch = histories.slice(i, i + BATCH).map((h) => Float64Array.from(h));
    out.push(...(await run({ histories: batch, ...options })));
    await onBatch?.(out.length);
  }
  return out;
}
