import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { can } from '../../core/access';
import type { Role } from '../../core/access';
import type { Db } from '../../db/pool';
import type { Logger } from '../../logger';
import type { EventHub } from './events.hub';
import { listEvents, positionsOf, toItem } from './events.repo';
import { Connection, type SocketCaller } from './socket.connection';
import { CLOSE, LIMITS, WS_PATH } from './socket.protocol';
import type { Backlog } from './socket.subscription';

export interface EventSocketDeps {
  db: Db;
  hub: EventHub;
  log: Logger;
  /** A person's access token or an API key (composition's `authenticateSocket`). */
  authenticate(token: string): Promise<SocketCaller>;
  findRole(storeId: string, userId: string): Promise<Role | undefined>;
  /** Default KEY_RECHECK_MS: how soon a revoked key's socket is closed. */
  keyRecheckMs?: number;
  heartbeatMs: number;
  /** Default LIMITS.MAX_BUFFERED_BYTES. */
  maxBufferedBytes?: number;
}

/** The token of an upgrade request: `Authorization: Bearer …` or `?token=`. */
function tokenOf(req: IncomingMessage, url: URL): string | undefined {
  const [scheme, token] = (req.headers.authorization ?? '').split(' ');
  if (token && scheme?.toLowerCase() === 'bearer') return token;
  return url.searchParams.get('token') || undefined;
}

/** How often a key's socket checks the key: a revoked key's socket is closed within this. */
export const KEY_RECHECK_MS = 30_000;

function refuse(socket: Duplex, status: string) {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The WebSocket `/api/v1/ws` on the API's HTTP server (protocol: openapi.yaml, tag `events`).
 * Upgrades are handled here, before Express; the request's URL (which may carry `?token=`) is
 * never logged.
 */
export async function attachEventSocket(server: Server, deps: EventSocketDeps) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: LIMITS.MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
  });
  const byUser = new Map<string, Set<Connection>>();
  const all = new Set<Connection>();
  let closing = false;

  const backlog: Backlog = {
    positions: (storeId) => positionsOf(deps.db, storeId),
    after: async (storeId, after, upTo, limit) =>
      (await listEvents(deps.db, storeId, { after, upTo, limit })).map(toItem),
  };
  const connectionDeps = {
    authenticate: deps.authenticate,
    canRead: async (storeId: string, userId: string, apiKey?: SocketCaller['apiKey']) => {
      if (apiKey) return apiKey.storeId === storeId && can(apiKey.role, 'inventory:read');
      const role = await deps.findRole(storeId, userId);
      return role !== undefined && can(role, 'inventory:read');
    },
    hub: deps.hub,
    backlog,
    log: deps.log,
    heartbeatMs: deps.heartbeatMs,
    keyRecheckMs: deps.keyRecheckMs ?? KEY_RECHECK_MS,
    maxBufferedBytes: deps.maxBufferedBytes ?? LIMITS.MAX_BUFFERED_BYTES,
    admit(conn: Connection) {
      const mine = byUser.get(conn.userId!) ?? new Set();
      if (mine.size >= LIMITS.MAX_SOCKETS_PER_USER) return false;
      mine.add(conn);
      byUser.set(conn.userId!, mine);
      return true;
    },
    release(conn: Connection) {
      const mine = byUser.get(conn.userId!);
      mine?.delete(conn);
      if (mine?.size === 0) byUser.delete(conn.userId!);
    },
  };

  const stopRemovals = await deps.hub.onRemoval(({ storeId, userId }) => {
    const affected = userId ? (byUser.get(userId) ?? []) : all;
    for (const conn of affected) conn.membershipRemoved(storeId);
  });

  const stopEndings = await deps.hub.onSessionsEnded((sessionIds) => {
    const ended = new Set(sessionIds);
    for (const conn of all) if (conn.sessionId && ended.has(conn.sessionId)) conn.sessionEnded();
  });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== WS_PATH) return refuse(socket, '404 Not Found');
    if (closing) return refuse(socket, '503 Service Unavailable');
    wss.handleUpgrade(req, socket, head, (ws) => {
      const conn = new Connection(ws, connectionDeps, tokenOf(req, url));
      all.add(conn);
      ws.once('close', () => all.delete(conn));
    });
  };
  server.on('upgrade', onUpgrade);

  // Pings every heartbeat; a socket that did not answer the previous one is dropped. Browsers
  // answer pings by themselves but never show them to the page, so a signed-in socket also gets
  // a `heartbeat` message: a client that hears nothing for two heartbeats knows it is cut off.
  const heartbeat = setInterval(() => {
    for (const conn of all) {
      if (!conn.alive) {
        conn.ws.terminate();
        continue;
      }
      conn.alive = false;
      conn.ws.ping();
      if (conn.userId) conn.send({ type: 'heartbeat' });
    }
  }, deps.heartbeatMs);
  heartbeat.unref();

  return {
    /** Open sockets on this server. */
    count: () => all.size,
    /** Refuses new sockets and closes the open ones (1001: reconnect elsewhere). */
    async close() {
      closing = true;
      clearInterval(heartbeat);
      server.off('upgrade', onUpgrade);
      stopRemovals();
      stopEndings();
      const closed = [...all].map(
        (conn) => new Promise<void>((resolve) => conn.ws.once('close', () => resolve())),
      );
      for (const conn of all) conn.close(CLOSE.GOING_AWAY, 'Server shutting down');
      // A client that does not answer the close frame is cut after a second.
      const cut = setTimeout(() => all.forEach((c) => c.ws.terminate()), 1000);
      await Promise.all(closed);
      clearTimeout(cut);
      wss.close();
    },
  };
}

export type EventSocket = Awaited<ReturnType<typeof attachEventSocket>>;
