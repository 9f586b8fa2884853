import type { WebSocket } from 'ws';
import type { StoreEvent } from '@/lib/live-socket';
import type { SocketHandler } from './local-api';

/** A message a client sent, parsed. */
export type ClientMessage = {
  type: string;
  token?: string;
  storeId?: string;
  lastEventId?: string;
};

/** One WebSocket the server accepted, and what came over it. */
export interface Peer {
  socket: WebSocket;
  received: ClientMessage[];
  token?: string;
  stores: Set<string>;
  /** The close code, once closed (by either side). */
  closedWith?: number;
  /** Nothing the server sends reaches the client (a connection cut somewhere on the way). */
  silent?: boolean;
}

export interface LiveServerOptions {
  /** What `welcome` says (the client expects something at least every two of them). */
  heartbeatMs?: number;
  /** The user a valid token belongs to. */
  userOf?: (token: string) => string;
}

type EventOf<T extends StoreEvent['type']> = Extract<StoreEvent, { type: T }>;

/**
 * The API's side of `/api/v1/ws` as the SPA relies on it (the protocol of issue 19): auth with
 * the one valid token (else close 4001) → welcome (again on each renewal); subscribe →
 * subscribed, then the missed events from the log, or resync when they are gone; events to the
 * subscribed sockets; `heartbeat` messages when the test says. Plug `onSocket` into
 * startLocalApi.
 */
export function createLiveServer(
  validToken: () => string,
  { heartbeatMs = 30_000, userOf = () => 'u-ana' }: LiveServerOptions = {},
) {
  const peers: Peer[] = [];
  const log: StoreEvent[] = [];
  let nextId = 1;
  /** Events up to this id are gone (retention). */
  let forgottenUpTo = 0;
  let refusals = 0;

  const send = (peer: Peer, message: unknown) => {
    if (!peer.silent) peer.socket.send(JSON.stringify(message));
  };
  const head = (storeId: string) => log.filter((e) => e.storeId === storeId).at(-1)?.id ?? null;

  // As the API: `subscribed` with the store's newest id first, then the missed events, or
  // `resync` when some are gone (or the id is from the future).
  function subscribe(peer: Peer, storeId: string, lastEventId?: string) {
    const newest = head(storeId);
    send(peer, { type: 'subscribed', storeId, lastEventId: newest });
    if (lastEventId !== undefined) {
      const after = Number(lastEventId);
      if (after < forgottenUpTo || after > Number(newest ?? 0))
        send(peer, { type: 'resync', storeId });
      else
        log
          .filter((e) => e.storeId === storeId && Number(e.id) > after)
          .forEach((e) => send(peer, e));
    }
    peer.stores.add(storeId);
  }

  const onSocket: SocketHandler = (socket) => {
    const peer: Peer = { socket, received: [], stores: new Set() };
    peers.push(peer);
    if (refusals > 0) {
      refusals -= 1;
      socket.terminate();
      return;
    }
    socket.on('close', (code) => {
      peer.closedWith = code;
      peer.stores.clear();
    });
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as ClientMessage;
      peer.received.push(message);
      if (message.type === 'auth') {
        if (message.token !== validToken()) return socket.close(4001, 'Not authenticated');
        peer.token = message.token;
        send(peer, { type: 'welcome', userId: userOf(validToken()), heartbeatMs });
      } else if (!peer.token) {
        socket.close(4001, 'Not authenticated');
      } else if (message.type === 'subscribe' && message.storeId) {
        subscribe(peer, message.storeId, message.lastEventId);
      } else if (message.type === 'unsubscribe' && message.storeId) {
        peer.stores.delete(message.storeId);
        send(peer, { type: 'unsubscribed', storeId: message.storeId });
      }
    });
  };

  return {
    onSocket,
    peers,
    /** Commits an event: logged, and sent to every socket subscribed to its store. */
    publish<T extends StoreEvent['type']>(
      storeId: string,
      type: T,
      payload: EventOf<T>['payload'],
    ) {
      const event = {
        id: String(nextId++),
        type,
        storeId,
        payload,
        timestamp: new Date().toISOString(),
      } as EventOf<T>;
      log.push(event);
      peers.filter((p) => p.stores.has(storeId)).forEach((p) => send(p, event));
      return event;
    },
    /** The retention has passed: the events logged so far cannot be replayed. */
    forgetAll() {
      forgottenUpTo = nextId - 1;
    },
    /** Closes every open socket (a restart: 1012, a slow consumer: 4008...); events published
     * from now on are not sent to them. */
    closeAll(code: number) {
      peers.forEach((p) => {
        p.stores.clear();
        p.socket.close(code);
      });
    },
    /** A heartbeat to every signed-in socket, as the API sends one every `heartbeatMs`. */
    heartbeat() {
      peers.filter((p) => p.token && !p.closedWith).forEach((p) => send(p, { type: 'heartbeat' }));
    },
    /** The open sockets hear nothing more, though none is closed (a cable pulled). */
    silence() {
      peers.forEach((p) => (p.silent = true));
    },
    /** The next `count` connections are dropped at once (the server still down). */
    refuseNext(count: number) {
      refusals = count;
    },
    send,
    open: () => peers.filter((p) => p.socket.readyState === p.socket.OPEN),
  };
}

export type LiveServer = ReturnType<typeof createLiveServer>;
