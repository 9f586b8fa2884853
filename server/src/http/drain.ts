import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/**
 * A connection idle for this long during a drain is closed; one idle for less may be carrying
 * the client's next request already, and closing it would fail that request.
 */
const IDLE_GRACE_MS = 200;
const SWEEP_MS = 50;

interface Connection {
  active: Set<ServerResponse>;
  idleSince: number;
}

/**
 * Drains an HTTP server without cutting a request. `http.Server.close()` alone is not
 * enough: it drops idle keep-alive sockets at the instant a client may be reusing one, and a
 * busy keep-alive connection goes on being served after it, so the server never closes.
 *
 * During a drain every response says `Connection: close` (the client opens its next request
 * elsewhere), the listener stops accepting, requests in flight finish, and connections idle
 * past a short grace are closed. `drain` resolves true once every connection is gone, false
 * if the deadline came first (the rest are then cut).
 */
export function drainable(server: Server) {
  const connections = new Map<Socket, Connection>();
  let draining = false;

  const closeAfter = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  };

  server.on('connection', (socket: Socket) => {
    connections.set(socket, { active: new Set(), idleSince: Date.now() });
    socket.once('close', () => connections.delete(socket));
  });
  // First of the request listeners, so the header is set before the app can answer.
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const conn = connections.get(req.socket);
    if (conn) {
      conn.active.add(res);
      res.once('close', () => {
        conn.active.delete(res);
        conn.idleSince = Date.now();
      });
    }
    if (draining) closeAfter(res);
  });

  return {
    get draining() {
      return draining;
    },

    async drain(deadlineMs: number): Promise<boolean> {
      draining = true;
      for (const conn of connections.values()) conn.active.forEach(closeAfter);
      // net.Server's close stops accepting without http.Server's instant idle-socket purge.
      const closed = new Promise<void>((resolve) =>
        NetServer.prototype.close.call(server, () => resolve()),
      );
      const sweep = setInterval(() => {
        const now = Date.now();
        for (const [socket, conn] of connections) {
          if (!conn.active.size && now - conn.idleSince >= IDLE_GRACE_MS) socket.destroy();
        }
      }, SWEEP_MS);
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), deadlineMs);
      });
      const finished = await Promise.race([closed.then(() => true as const), deadline]);
      clearInterval(sweep);
      clearTimeout(timer);
      if (!finished) server.closeAllConnections();
      return finished;
    },
  };
}
