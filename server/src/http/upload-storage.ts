import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';

const COPY_SLICE = 1024 * 1024;

/**
 * Multer's memory storage, gathered differently: multer's concatenates a 20 MB upload in
 * one go (~60 ms of event loop, measured), this copies it a megabyte per turn. The buffer
 * is shared memory, so the parse worker reads it without a copy either. `onLimit` hears at
 * once when the file passes the size limit (multer itself reports it only after the whole
 * request has arrived).
 */
export function sharedMemoryStorage(onLimit: (req: Request) => void): StorageEngine {
  return {
    _handleFile(req, file, done) {
      const chunks: Buffer[] = [];
      let size = 0;
      file.stream.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
      });
      file.stream.once('limit', () => {
        // Nothing more is kept; busboy skips the rest of the part.
        chunks.length = 0;
        size = 0;
        onLimit(req);
      });
      file.stream.on('error', done);
      file.stream.on('end', () => {
        void (async () => {
          const buffer = Buffer.from(new SharedArrayBuffer(size));
          let at = 0;
          for (const chunk of chunks) {
            chunk.copy(buffer, at);
            if (Math.floor((at + chunk.length) / COPY_SLICE) > Math.floor(at / COPY_SLICE))
              await nextTurn();
            at += chunk.length;
          }
          done(null, { buffer, size });
        })();
      });
    },
    _removeFile(_req, file, done) {
      delete (file as Partial<Express.Multer.File>).buffer;
      done(null);
    },
  };
}
