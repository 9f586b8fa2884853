import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One request as the server received it. */
export interface Received {
  method: string;
  path: string;
  /** The query string as sent, without `?`. */
  query: string;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  body: unknown;
}

/** What a route does: answer with `reply`, or `drop` the connection (an answer that is lost). */
export type Route = (request: Received, res: ServerResponse) => void | Promise<void>;

export interface LocalApi {
  /** Every request, in the order they arrived. */
  received: Received[];
  close(): Promise<void>;
}

export function reply(res: ServerResponse, status: number, data: unknown): void {
  const body =
    status < 400
      ? { success: true, data, meta: { timestamp: new Date().toISOString() } }
      : { success: false, error: data, meta: { timestamp: new Date().toISOString() } };
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The connection closes without an answer, as when the network drops it. */
export function drop(res: ServerResponse): void {
  res.socket?.destroy();
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  // JSON parsed; anything else (a multipart upload) as the text that was sent.
  return req.headers['content-type']?.includes('json') ? (JSON.parse(text) as unknown) : text;
}

/** The page's origin, as the browser's own: relative requests (`/api/v1/...`) go there. */
function openPageAt(origin: string): void {
  (globalThis as unknown as { jsdom: { reconfigure(o: { url: string }): void } }).jsdom.reconfigure(
    {
      url: `${origin}/`,
    },
  );
}

/** What the server does with a WebSocket opened at `/api/v1/ws`. */
export type SocketHandler = (socket: WebSocket, request: IncomingMessage) => void;

/**
 * A real HTTP server on loopback that plays the API for the routes a test names
 * (`'POST /api/v1/auth/refresh'`), and the page opened at its origin. Anything else is 404.
 * With `socket`, it also accepts WebSockets at `/api/v1/ws` (the `ws` package, as the API).
 */
export async function startLocalApi(
  routes: Record<string, Route>,
  { socket }: { socket?: SocketHandler } = {},
): Promise<LocalApi> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    // The page's document keeps the origin jsdom gave it, so its requests here are cross-origin
    // (with a preflight) although they go to the URL the page now has.
    res.setHeader('access-control-allow-origin', req.headers.origin ?? '*');
    res.setHeader('access-control-allow-credentials', 'true');
    if (req.method === 'OPTIONS') {
      res.setHeader('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE');
      res.setHeader('access-control-allow-headers', 'authorization, content-type, idempotency-key');
      res.end();
      return;
    }
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = url.pathname;
      const request: Received = {
        method: req.method ?? 'GET',
        path,
        query: url.search.slice(1),
        authorization: req.headers.authorization,
        idempotencyKey: req.headers['idempotency-key'] as string | undefined,
        body: await readBody(req),
      };
      received.push(request);
      const route = routes[`${request.method} ${path}`];
      if (route) await route(request, res);
      else reply(res, 404, { code: 'NOT_FOUND', message: `No route ${request.method} ${path}` });
    })();
  });
  const sockets = socket && new WebSocketServer({ server, path: '/api/v1/ws' });
  sockets?.on('connection', (client, request) => socket?.(client, request));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  openPageAt(`http://127.0.0.1:${port}`);
  return {
    received,
    close: () =>
      new Promise((resolve) => {
        sockets?.clients.forEach((client) => client.terminate());
        sockets?.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
