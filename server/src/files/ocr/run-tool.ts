import { spawn } from 'node:child_process';
import os from 'node:os';
import { residentBytes } from '../pdf/pdf-text';
import {
  OCR_OUTPUT_BYTES,
  OCR_RSS_MB,
  OCR_TIMEOUT_MS,
  OcrLimitError,
  OcrMissingError,
} from './ocr-limits';

const WATCH_MS = 25;
const MB = 1024 * 1024;

export interface ToolRun {
  /** The engine's name, for the 422 when it is missing. */
  tool: 'tesseract' | 'pdftoppm' | 'node';
  bin: string;
  args: string[];
  input: Buffer;
  /** At most this long (the rest of the scan's time, and OCR_TIMEOUT_MS). */
  timeoutMs: number;
}

export class ToolFailedError extends Error {}

/**
 * Runs a native engine in a process of its own, as the PDF reader runs (files/pdf/pdf-text.ts):
 * the file on its stdin, its time limited, its resident memory watched (killed past
 * OCR_RSS_MB), its output capped, one thread, below the API's priority, and nothing of the
 * server's environment. Settles once the process has exited; a binary that is not there is
 * OcrMissingError.
 */
export function runTool({ tool, bin, args, input, timeoutMs }: ToolRun): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      // Nothing of the server's environment (database URL, secrets) for code reading hostile files.
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        OMP_THREAD_LIMIT: '1',
        LC_ALL: 'C',
        NODE_ENV: process.env.NODE_ENV ?? 'production',
      },
    });
    const out: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    let failure: Error | undefined;
    const fail = (err: Error) => {
      failure ??= err;
      child.kill('SIGKILL');
    };
    const limit = Math.min(timeoutMs, OCR_TIMEOUT_MS);
    const timer = setTimeout(
      () =>
        fail(
          new OcrLimitError(
            `The scan could not be read within ${Math.round(limit / 1000)} s`,
            'max_time',
          ),
        ),
      limit,
    );
    const watchdog = setInterval(() => {
      const rss = child.pid === undefined ? undefined : residentBytes(child.pid);
      if (rss !== undefined && rss > OCR_RSS_MB * MB)
        fail(
          new OcrLimitError(
            `The scan needs more than ${OCR_RSS_MB} MB of memory to read, the most an upload may use`,
            'max_memory',
          ),
        );
    }, WATCH_MS);
    if (child.pid !== undefined) {
      try {
        os.setPriority(child.pid, os.constants.priority.PRIORITY_BELOW_NORMAL);
      } catch {
        // not allowed here: the default priority
      }
    }
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > OCR_OUTPUT_BYTES)
        fail(new OcrLimitError('The scan holds more text than an invoice', 'max_output'));
      else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString();
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      fail(err.code === 'ENOENT' && tool !== 'node' ? new OcrMissingError(tool) : err);
      // A process that never started sends no 'close'.
      if (child.pid === undefined) done(null);
    });
    let settled = false;
    const done = (code: number | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watchdog);
      if (failure) return reject(failure);
      if (tool === 'tesseract' && /Failed loading language|Error opening data file/i.test(stderr))
        return reject(new OcrMissingError('tesseract'));
      if (code !== 0)
        return reject(
          new ToolFailedError(`${tool} stopped (exit code ${code}): ${stderr.slice(0, 300)}`),
        );
      resolve(Buffer.concat(out));
    };
    child.once('close', done);
    // The engine may be gone before it has read everything (a refusal, a kill).
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}
