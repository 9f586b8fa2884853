import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RateLimitedError, ServiceUnavailableError, UnprocessableError } from '../../core/errors';
import { KeyedLimiter } from '../../platform/keyed-limiter';
import {
  MAX_PDF_PAGES,
  PdfLimitError,
  READ_QUEUE_MS,
  READER_HEAP_MB,
  READER_RSS_MB,
  READER_TIMEOUT_MS,
  READS_PER_STORE,
  READS_TOTAL,
} from './pdf-limits';
import type { ReaderAnswer } from './pdf-reader';

export { MAX_PDF_PAGES };

/*
 * A child process per PDF, not a worker thread: a worker's ArrayBuffers are outside its heap
 * limit, and what it allocated stays in the server's resident memory after it is gone (glibc
 * keeps freed pages: a 4 GiB bomb read in a worker left the server at 2.8 GB). A process's
 * memory goes back to the system when it exits, and its size can be watched from outside.
 */
const fromSource = __filename.endsWith('.ts');
const entry = path.join(__dirname, `pdf-reader.${fromSource ? 'ts' : 'js'}`);
const loader = fromSource ? ['--require', require.resolve('tsx/cjs')] : [];
const WATCH_MS = 25;
const MB = 1024 * 1024;

const readers = new KeyedLimiter({ perKey: READS_PER_STORE, total: READS_TOTAL });

/** The resident memory of a process, from Linux's /proc; undefined elsewhere. */
export function residentBytes(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'latin1'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

function refusal(answer: Extract<ReaderAnswer, { ok: false }>) {
  if (answer.limit) return new PdfLimitError(answer.message, answer.limit);
  return new UnprocessableError(
    answer.name === 'PasswordException'
      ? 'The PDF is protected by a password: upload it without one'
      : 'The PDF could not be read: it is damaged or not a PDF',
  );
}

const outOfMemory = () =>
  new PdfLimitError(
    `The PDF needs more than ${READER_RSS_MB} MB of memory to read, the most an upload may use`,
    'max_memory',
  );

/** Reads one PDF in a reader process; settles once the process has exited. */
function readInProcess(file: Buffer): Promise<{ pageCount: number; pages: string[][] }> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = fork(entry, [String(MAX_PDF_PAGES)], {
      execArgv: [...loader, `--max-old-space-size=${READER_HEAP_MB}`],
      stdio: ['pipe', 'ignore', 'pipe', 'ipc'],
      serialization: 'json',
      // Nothing of the server's environment (database URL, secrets) for code reading hostile files.
      env: { NODE_ENV: process.env.NODE_ENV ?? 'production' },
    });
    let outcome: (() => void) | undefined;
    let stderr = '';
    const settle = (then: () => void) => {
      if (outcome) return;
      outcome = then;
      clearTimeout(timer);
      clearInterval(watchdog);
      child.kill('SIGKILL');
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(
            new PdfLimitError(
              `The PDF could not be read within ${READER_TIMEOUT_MS / 1000} s`,
              'max_time',
            ),
          ),
        ),
      READER_TIMEOUT_MS,
    );
    const watchdog = setInterval(() => {
      const rss = child.pid === undefined ? undefined : residentBytes(child.pid);
      if (rss !== undefined && rss > READER_RSS_MB * MB) settle(() => reject(outOfMemory()));
    }, WATCH_MS);
    child.stderr!.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString();
    });
    child.on('message', (m: ReaderAnswer) =>
      settle(() => (m.ok ? resolve(m) : reject(refusal(m)))),
    );
    child.on('error', (err) => {
      settle(() => reject(err));
      // A process that never started sends no 'exit'.
      if (child.pid === undefined) outcome!();
    });
    child.once('exit', (code, signal) => {
      // V8's own heap limit aborts the process (SIGABRT, "Reached heap limit").
      const heap = /heap limit|out of memory/i.test(stderr);
      settle(() =>
        reject(
          heap
            ? outOfMemory()
            : new Error(`the PDF reader stopped (exit code ${code}, signal ${signal})`),
        ),
      );
      outcome!();
    });
    // The reader may be gone before it has read everything (a refusal, a kill).
    child.stdin!.on('error', () => undefined);
    child.stdin!.end(file);
  });
}

/**
 * The text lines of each page of a PDF, read in a process of its own under the budget of
 * pdf-limits.ts: streams unpacked and counted before pdf.js sees them, its heap capped, its
 * resident memory watched (killed past READER_RSS_MB), its time limited. One PDF of a store
 * is read at a time and READS_TOTAL in the process; an upload waits READ_QUEUE_MS at most.
 */
export function pdfTextLines(
  file: Buffer,
  storeId: string,
): Promise<{ pageCount: number; pages: string[][] }> {
  return inReaderSlot(storeId, () => readInProcess(file));
}

/**
 * Runs `read` in one of the file readers' slots (PDF text and OCR share them): one file of a
 * store at a time and READS_TOTAL in the process; a read waits READ_QUEUE_MS at most.
 */
export function inReaderSlot<T>(storeId: string, read: () => Promise<T>): Promise<T> {
  return readers.run(storeId, read, {
    maxWaitMs: READ_QUEUE_MS,
    refuse: (full) =>
      full === 'key'
        ? new RateLimitedError(2, 'Another file of this store is being read: try again shortly')
        : new ServiceUnavailableError('The server is reading other files: try again shortly', {
            retryAfterSeconds: 2,
          }),
  });
}
