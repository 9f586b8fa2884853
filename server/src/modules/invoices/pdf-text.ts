import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { UnprocessableError } from '../../core/errors';
import { Semaphore } from '../../platform/semaphore';
import type { PdfTextJob } from './pdf-worker';

/** Pages read from an invoice PDF; an invoice longer than this is not one. */
export const MAX_PDF_PAGES = 50;
const TIMEOUT_MS = 20_000;
const HEAP_MB = 256;
const slots = new Semaphore(2);

// As parse-in-worker.ts: built, the worker is the .js beside this file; from source, tsx's
// loader runs the .ts (a worker does not inherit the parent's loader).
const fromSource = __filename.endsWith('.ts');
const entry = path.join(__dirname, `pdf-worker.${fromSource ? 'ts' : 'js'}`);
const execArgv = fromSource ? ['--require', require.resolve('tsx/cjs')] : undefined;

type Answer =
  | { ok: true; pageCount: number; pages: string[][] }
  | { ok: false; name?: string; message: string };

/**
 * The text lines of each page of a PDF, extracted in a worker with a capped heap and a time
 * limit. A PDF that pdf.js cannot open (damaged, encrypted) is a 422 saying so.
 */
export function pdfTextLines(file: Buffer): Promise<{ pageCount: number; pages: string[][] }> {
  return slots.run(
    () =>
      new Promise((resolve, reject) => {
        const workerData: PdfTextJob = { file, maxPages: MAX_PDF_PAGES };
        const worker = new Worker(entry, {
          workerData,
          execArgv,
          resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
        });
        const timer = setTimeout(() => {
          void worker.terminate();
          reject(new UnprocessableError('The PDF took too long to read'));
        }, TIMEOUT_MS);
        let settled = false;
        const done = () => {
          settled = true;
          clearTimeout(timer);
          void worker.terminate();
        };
        worker.once('message', (m: Answer) => {
          done();
          if (m.ok) return resolve(m);
          reject(
            new UnprocessableError(
              m.name === 'PasswordException'
                ? 'The PDF is protected by a password: upload it without one'
                : 'The PDF could not be read: it is damaged or not a PDF',
            ),
          );
        });
        worker.once('error', (err: Error & { code?: string }) => {
          done();
          reject(
            err.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new UnprocessableError('The PDF needs more memory to read than an upload may use')
              : err,
          );
        });
        worker.once('exit', (code) => {
          if (!settled) {
            done();
            reject(new Error(`the PDF worker stopped (exit code ${code})`));
          }
        });
      }),
  );
}
