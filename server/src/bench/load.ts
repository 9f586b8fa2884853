import path from 'node:path';
import { Worker } from 'node:worker_threads';

export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  /** Cycled through, one per request. */
  paths: string[];
  bodies?: string[];
  /** Per request, cycled with the paths (a mixed profile); else `method` for all. */
  methods?: Array<'GET' | 'POST' | 'PATCH'>;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
  /** Per-request timeout, seconds. */
  timeout: number;
}

export interface LoadResult {
  requests: number;
  /** Average requests per second. */
  rps: number;
  /** Latency percentiles, milliseconds. */
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Runs autocannon in a worker thread and resolves with its summary. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, `load-worker${path.extname(__filename)}`), {
      workerData: spec,
      // Under tsx the worker needs the same TypeScript loader as this thread.
      execArgv: process.execArgv,
    });
    worker.once('message', (r: LoadResult) => {
      resolve(r);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
