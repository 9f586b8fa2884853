import http from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { attachEventSocket, type EventSocket } from '../modules/events/socket.server';
import { WS_PATH } from '../modules/events/socket.protocol';
import type { TestApp } from './app';

export interface SocketServer {
  /** ws://host:port/api/v1/ws */
  wsUrl: string;
  sockets: EventSocket;
  close(): Promise<void>;
}

/** The test app on a real HTTP server with the WebSocket attached, as main.ts serves it. */
export async function serveSockets(
  t: TestApp,
  opts: { heartbeatMs?: number; maxBufferedBytes?: number; keyRecheckMs?: number } = {},
): Promise<SocketServer> {
  const server = http.createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const sockets = await attachEventSocket(server, {
    db: t.db.pool,
    hub: t.services.eventHub,
    log: t.services.log,
    authenticate: (token) => t.services.authenticateSocket(token),
    findRole: t.services.members.findRole,
    heartbeatMs: opts.heartbeatMs ?? 30_000,
    maxBufferedBytes: opts.maxBufferedBytes,
    keyRecheckMs: opts.keyRecheckMs,
  });
  const { port } = server.address() as AddressInfo;
  return {
    wsUrl: `ws://127.0.0.1:${port}${WS_PATH}`,
    sockets,
    async close() {
      await sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type Message = { type: string; id?: string; storeId?: string } & Record<string, unknown>;

/** A client socket that keeps every message it receives, to wait on. */
export class TestSocket {
  readonly messages: Message[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: Array<() => void> = [];

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.messages.push(JSON.parse(data.toString()) as Message);
      this.waiters.splice(0).forEach((w) => w());
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  static async open(url: string, headers: Record<string, string> = {}): Promise<TestSocket> {
    const ws = new WebSocket(url, { headers });
    const socket = new TestSocket(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return socket;
  }

  /** Opened, authenticated with a first message, welcomed. */
  static async signedIn(url: string, token: string): Promise<TestSocket> {
    const socket = await TestSocket.open(url);
    socket.send({ type: 'auth', token });
    await socket.next((m) => m.type === 'welcome');
    return socket;
  }

  send(message: object | string) {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Subscribes and waits for the answer (`subscribed`, or an error or resync). */
  async subscribe(storeId: string, lastEventId?: string | null): Promise<Message> {
    const from = this.messages.length;
    this.send({
      type: 'subscribe',
      storeId,
      ...(lastEventId === undefined ? {} : { lastEventId }),
    });
    return this.next((m) => m.storeId === storeId && m.type !== 'unsubscribed', from);
  }

  /** The first message from index `from` on that matches, once it has come. */
  async next(match: (m: Message) => boolean, from = 0, ms = 10_000): Promise<Message> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.messages.slice(from).find(match);
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(`no such message in ${ms} ms; got ${JSON.stringify(this.messages)}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The store events (not protocol messages) received so far, of one store or all. */
  events(storeId?: string): Message[] {
    return this.messages.filter(
      (m) => m.type.includes('.') && (storeId === undefined || m.storeId === storeId),
    );
  }

  /** Waits until `n` events of the store have come, and returns them. */
  async eventsUntil(storeId: string, n: number): Promise<Message[]> {
    await this.next(() => this.events(storeId).length >= n);
    return this.events(storeId);
  }

  close() {
    this.ws.close();
    return this.closed;
  }
}
