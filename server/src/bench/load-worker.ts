import { parentPort, workerData } from 'node:worker_threads';
import autocannon, { type Result } from 'autocannon';
import type { LoadResult, LoadSpec } from './load';

// Runs in its own thread, so generating load does not compete with the server's event loop.
// Off the main thread autocannon leaves its histograms encoded; its exported
// aggregateResult (untyped) turns them into the usual summary.
const aggregate = (autocannon as unknown as { aggregateResult(r: unknown[], o: object): Result })
  .aggregateResult;
const spec = workerData as LoadSpec;
let next = 0;

void autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.seconds,
  timeout: spec.timeout,
  headers: spec.headers,
  requests: [
    {
      method: spec.method,
      setupRequest: (req) => {
        const i = next++;
        const body = spec.bodies?.[i % spec.bodies.length];
        return {
          ...req,
          ...(spec.methods ? { method: spec.methods[i % spec.methods.length] } : {}),
          path: spec.paths[i % spec.paths.length],
          // As bytes: autocannon takes a string's length for its Content-Length, which is
          // wrong for any non-ASCII character (an invoice line's "Crème fraîche").
          ...(body ? { body: Buffer.from(body) } : {}),
        };
      },
    },
  ],
}).then((raw: Result) => {
  const r = aggregate([raw], { url: spec.url, connections: spec.connections });
  const result: LoadResult = {
    requests: r.requests.total,
    rps: r.requests.total / Math.max(raw.duration, 0.001),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
  parentPort!.postMessage(result);
});
