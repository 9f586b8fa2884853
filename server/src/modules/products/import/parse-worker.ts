import { parentPort, workerData } from 'node:worker_threads';
import { AppError, isTransient } from '../../../core/errors';
import { parseImport } from './import-parse';
import type { ImportFormat } from './import-source';

/*
 * The parse worker's entry. It reads one batch ahead of the main thread and then waits for
 * "next", so the file is read no faster than the database takes it.
 */
export interface ParseJob {
  file: Uint8Array;
  format: ImportFormat;
  skipThrough: number;
}

const { file, format, skipThrough } = workerData as ParseJob;
const batches = parseImport(
  Buffer.from(file.buffer, file.byteOffset, file.byteLength),
  format,
  skipThrough,
);

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
