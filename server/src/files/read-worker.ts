import { parentPort, workerData } from 'node:worker_threads';
import { AppError, isTransient } from '../core/errors';
import { readSheetRows } from './sheet-rows';
import type { SheetFormat } from './sheet-source';

/*
 * The read worker's entry. It reads one batch ahead of the main thread and then waits for
 * "next", so the file is read no faster than its user takes it.
 */
export type ReadJob = {
  file: Uint8Array;
  format: SheetFormat;
} &
  /** Raw rows, for a reader that maps the columns itself (invoices). */
  (
    | { task: 'rows'; maxRows: number }
    /**
     * A feature's own reading (the product import checks each row against its schema): the
     * module at `module` (a path without extension, loaded here, in the worker) exports `name`,
     * a function of (file, format, ...args) giving batches. The files layer imports no feature.
     */
    | { task: 'reader'; module: string; name: string; args: unknown[] }
  );

/** What a feature's reader module exports under its name. */
export type SheetReader = (
  file: Buffer,
  format: SheetFormat,
  ...args: never[]
) => AsyncGenerator<object>;

/** The arguments a reader takes after the file and its format. */
export type ReaderArgs<F> = F extends (
  file: Buffer,
  format: SheetFormat,
  ...args: infer A
) => unknown
  ? A
  : never;

function batchesOf(job: ReadJob, bytes: Buffer): AsyncGenerator<object> {
  if (job.task === 'rows') return readSheetRows(bytes, job.format, job.maxRows);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by path, in the worker
  const reader = (require(job.module) as Record<string, SheetReader>)[job.name]!;
  return reader(bytes, job.format, ...(job.args as never[]));
}

const job = workerData as ReadJob;
const bytes = Buffer.from(job.file.buffer, job.file.byteOffset, job.file.byteLength);
const batches = batchesOf(job, bytes);

const read = () =>
  batches.next().then(
    (r) => (r.done ? { type: 'done' as const } : { type: 'batch' as const, ...r.value }),
    (err: unknown) =>
      err instanceof AppError
        ? { type: 'error' as const, refused: !isTransient(err), message: err.message }
        : { type: 'error' as const, refused: false, message: String(err) },
  );

let ahead = read();
parentPort!.on('message', async () => {
  const message = await ahead;
  parentPort!.postMessage(message);
  if (message.type === 'batch') ahead = read();
});
