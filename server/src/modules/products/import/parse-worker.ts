import { parentPort, workerData } from 'node:worker_threads';
import { AppError, isTransient } from '../../../core/errors';
import { parseImport } from './import-parse';
import type { ImportFormat } from './import-source';
import { readSheetRows } from './sheet-rows';

/*
 * The parse worker's entry. It reads one batch ahead of the main thread and then waits for
 * "next", so the file is read no faster than the database takes it.
 */
export type ParseJob = {
  file: Uint8Array;
  format: ImportFormat;
} & (
  | { task: 'import'; skipThrough: number }
  /** Raw rows, for a reader that maps the columns itself (invoices). */
  | { task: 'rows'; maxRows: number }
);

const job = workerData as ParseJob;
const bytes = Buffer.from(job.file.buffer, job.file.byteOffset, job.file.byteLength);
const batches: AsyncGenerator<object> =
  job.task === 'rows'
    ? readSheetRows(bytes, job.format, job.maxRows)
    : parseImport(bytes, job.format, job.skipThrough);

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
