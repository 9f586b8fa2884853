import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

/**
 * How the receiver answers a request: a status (and headers), `hang` (never answers) or
 * `drop` (closes the connection without an answer: a network error).
 */
export type Answer =
  { status: number; headers?: Record<string, string>; body?: string } | 'hang' | 'drop';

/**
 * A webhook receiver on 127.0.0.1: it records every request and answers each path from a
 * script of answers (the last one repeats; default 200).
 */
export async function startReceiver() {
  const received: Received[] = [];
  const scripts = new Map<string, Answer[]>();
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({
        path,
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
        at: Date.now(),
      });
      const script = scripts.get(path) ?? [];
      const answer = (script.length > 1 ? script.shift() : script[0]) ?? { status: 200 };
      if (answer === 'hang') {
        hanging.add(res);
        return;
      }
      if (answer === 'drop') {
        req.socket.destroy();
        return;
      }
      res.writeHead(answer.status, answer.headers ?? {}).end(answer.body ?? 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    received,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    /** The answers to `path`'s requests, in turn (the last repeats). */
    script: (path: string, answers: Answer[]) => scripts.set(path, [...answers]),
    at: (path: string) => received.filter((r) => r.path === path),
    async close() {
      hanging.forEach((res) => res.destroy());
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
