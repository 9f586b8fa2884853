import { setImmediate as nextTurn } from 'node:timers/promises';

const COPY_SLICE = 1024 * 1024;

/**
 * Room for a file's bytes in shared memory: the read worker (read-in-worker.ts) takes such a
 * buffer without copying it (cloning 20 MB for a worker, or concatenating it, costs ~80 ms).
 * Uploads (http/upload-storage.ts) and job inputs (jobs.repo `input`) are kept this way.
 */
export const sharedFile = (bytes: number): Buffer => Buffer.from(new SharedArrayBuffer(bytes));

/**
 * Chunks gathered into one shared file, a megabyte per event-loop turn: concatenating a 20 MB
 * upload in one go holds the event loop ~60 ms (measured).
 */
export async function gatherShared(chunks: readonly Buffer[], size: number): Promise<Buffer> {
  const buffer = sharedFile(size);
  let at = 0;
  for (const chunk of chunks) {
    chunk.copy(buffer, at);
    if (Math.floor((at + chunk.length) / COPY_SLICE) > Math.floor(at / COPY_SLICE))
      await nextTurn();
    at += chunk.length;
  }
  return buffer;
}
