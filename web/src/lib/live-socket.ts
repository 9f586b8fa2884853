import type { Schemas } from './api/types';

/** A change committed in a store, as the server's WebSocket delivers it. */
export type StoreEvent = Schemas['StoreEvent'];

/** `live`: signed in and receiving; `connecting`: a first try; `offline`: waiting to retry. */
export type LiveStatus = 'connecting' | 'live' | 'offline';

export interface Backoff {
  baseMs: number;
  capMs: number;
}

/** Exponential backoff with full jitter: anywhere from 0 to min(cap, base·2^attempt). */
export function backoffDelay(attempt: number, { baseMs, capMs }: Backoff, random = Math.random) {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));
}

export interface LiveSocketOptions {
  url: () => string;
  /**
   * A new token after the server closed with 4001 (token not valid); undefined when the session
   * is gone (the socket then waits for `setToken`). A rejection is a failed try, retried later.
   */
  renewToken: () => Promise<string | undefined>;
  onEvent: (event: StoreEvent) => void;
  /** The server no longer has the events since our last one: everything of the store is stale. */
  onResync: (storeId: string) => void;
  /** The caller is no longer a member of the store. */
  onRemoved: (storeId: string) => void;
  backoff?: Backoff;
  random?: () => number;
  /** Told of every scheduled reconnect (attempt from 0, the delay chosen). */
  onRetry?: (attempt: number, delayMs: number) => void;
}

/** The server's close codes (openapi.yaml, the WebSocket section). */
export const CLOSE_UNAUTHENTICATED = 4001;
export const CLOSE_SLOW_CONSUMER = 4008;
/** Ours: nothing came for two heartbeats, so the connection is taken as dead. */
export const CLOSE_NO_HEARTBEAT = 4000;

/** The server's heartbeat until its `welcome` says otherwise (its default, WS_HEARTBEAT_MS). */
const DEFAULT_HEARTBEAT_MS = 30_000;

type ServerMessage =
  | { type: 'welcome'; userId: string; heartbeatMs: number }
  | { type: 'heartbeat' }
  | { type: 'subscribed'; storeId: string; lastEventId?: string | null }
  | { type: 'unsubscribed'; storeId: string; reason?: string }
  | { type: 'resync'; storeId: string }
  | { type: 'error'; code: string; message: string; storeId?: string }
  | StoreEvent;

/**
 * One WebSocket to `/api/v1/ws`: authenticates with the access token (and again whenever it is
 * renewed), subscribes to the stores being watched, resumes each from the last event id it saw,
 * and reconnects after a drop with exponential backoff and full jitter. A connection that says
 * nothing for two of the server's heartbeats is dead (a cable pulled, a laptop asleep: the
 * browser may not notice for minutes) and is replaced the same way.
 */
export class LiveSocket {
  private socket: WebSocket | undefined;
  private token: string | undefined;
  private authenticated = false;
  private renewing = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private heartbeatMs = DEFAULT_HEARTBEAT_MS;
  private readonly watched = new Map<string, number>();
  private readonly lastIds = new Map<string, string>();
  private readonly heads = new Map<string, string>();
  private status: LiveStatus = 'offline';
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: LiveSocketOptions) {}

  configure(options: Partial<LiveSocketOptions>): void {
    Object.assign(this.options, options);
  }

  getStatus = (): LiveStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The id of the last event seen of a store: where a reconnect resumes. */
  lastEventId(storeId: string): string | undefined {
    return this.lastIds.get(storeId);
  }

  /** The usable access token, or undefined to disconnect and wait (signed out, expired). */
  setToken(token: string | undefined): void {
    if (token === this.token) return;
    this.token = token;
    if (!token) return this.disconnect();
    if (this.socket?.readyState === WebSocket.OPEN) this.send({ type: 'auth', token });
    else if (!this.socket && !this.timer && !this.renewing) this.connect();
  }

  /** Forgets every store's position (another user, or signed out). */
  reset(): void {
    this.lastIds.clear();
    this.heads.clear();
  }

  /** Receives a store's events while watched; returns the unwatch. */
  watch(storeId: string): () => void {
    const count = this.watched.get(storeId) ?? 0;
    this.watched.set(storeId, count + 1);
    if (count === 0 && this.authenticated) this.sendSubscribe(storeId);
    return () => {
      const left = (this.watched.get(storeId) ?? 1) - 1;
      if (left > 0) return void this.watched.set(storeId, left);
      this.watched.delete(storeId);
      if (this.authenticated) this.send({ type: 'unsubscribe', storeId });
    };
  }

  /** A retry waiting for its turn goes now (the browser says the network is back). */
  retryNow(): void {
    if (this.timer && this.token) this.connect();
  }

  private connect(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.socket || !this.token) return;
    if (this.attempt === 0) this.setStatus('connecting');
    const socket = new WebSocket(this.options.url());
    this.socket = socket;
    this.expectWithin(socket);
    socket.onopen = () => {
      this.expectWithin(socket);
      this.send({ type: 'auth', token: this.token });
    };
    socket.onmessage = (message) => {
      if (this.socket !== socket) return;
      this.receive(message.data);
      this.expectWithin(socket);
    };
    socket.onclose = (event) => {
      if (this.socket === socket) this.closed(event.code);
    };
  }

  /** Something must come on the socket within two heartbeats, or it is dead. */
  private expectWithin(socket: WebSocket): void {
    clearTimeout(this.watchdog);
    if (this.socket !== socket) return;
    this.watchdog = setTimeout(() => this.dead(socket), 2 * this.heartbeatMs);
  }

  // A dead connection's close handshake would never finish: it is let go at once.
  private dead(socket: WebSocket): void {
    if (this.socket !== socket) return;
    socket.onopen = socket.onmessage = socket.onclose = null;
    socket.close(CLOSE_NO_HEARTBEAT, 'No heartbeat');
    this.socket = undefined;
    this.authenticated = false;
    this.retry(true);
  }

  private disconnect(): void {
    clearTimeout(this.timer);
    clearTimeout(this.watchdog);
    this.timer = undefined;
    const socket = this.socket;
    this.socket = undefined;
    this.authenticated = false;
    this.attempt = 0;
    socket?.close(1000);
    this.setStatus('offline');
  }

  private closed(code: number): void {
    clearTimeout(this.watchdog);
    this.socket = undefined;
    this.authenticated = false;
    if (!this.token) return this.setStatus('offline');
    if (code !== CLOSE_UNAUTHENTICATED) return this.retry();
    // The token expired or was refused: renew it, then reconnect after the backoff (a server
    // that keeps refusing fresh tokens is not hammered).
    const sent = this.token;
    this.renewing = true;
    this.setStatus('offline');
    this.options.renewToken().then(
      (token) => {
        this.renewing = false;
        if (!token) return this.setToken(undefined);
        // The session may have announced the renewal already.
        if (this.token === sent) this.token = token;
        this.retry();
      },
      () => {
        this.renewing = false;
        this.retry();
      },
    );
  }

  /** Reconnects after the backoff; `offline` says so at once (else from the second try on). */
  private retry(offline = false): void {
    if (this.timer || this.socket || !this.token) return;
    const delay = backoffDelay(this.attempt, this.backoff(), this.options.random);
    this.options.onRetry?.(this.attempt, delay);
    this.setStatus(offline || this.attempt > 0 ? 'offline' : 'connecting');
    this.attempt += 1;
    this.timer = setTimeout(() => this.connect(), delay);
  }

  private backoff(): Backoff {
    return this.options.backoff ?? { baseMs: 1_000, capMs: 30_000 };
  }

  private receive(data: unknown): void {
    let message: ServerMessage;
    try {
      message = JSON.parse(String(data)) as ServerMessage;
    } catch {
      return;
    }
    switch (message.type) {
      case 'welcome':
        if (typeof message.heartbeatMs === 'number' && message.heartbeatMs > 0) {
          this.heartbeatMs = message.heartbeatMs;
        }
        // Again after each renewal on the same socket: its subscriptions stand.
        if (this.authenticated) return;
        this.authenticated = true;
        this.attempt = 0;
        this.setStatus('live');
        for (const storeId of this.watched.keys()) this.sendSubscribe(storeId);
        return;
      case 'subscribed': {
        // The store's newest event, sent before the missed ones: where a first subscription
        // starts (0 when there is none yet), or where a resync picks up.
        const head = message.lastEventId ?? '0';
        if (this.lastIds.has(message.storeId)) this.heads.set(message.storeId, head);
        else this.lastIds.set(message.storeId, head);
        return;
      }
      case 'resync': {
        const head = this.heads.get(message.storeId);
        if (head) this.lastIds.set(message.storeId, head);
        return this.options.onResync(message.storeId);
      }
      case 'unsubscribed':
        if (message.reason !== 'membership_removed') return;
        this.watched.delete(message.storeId);
        this.lastIds.delete(message.storeId);
        return this.options.onRemoved(message.storeId);
      case 'heartbeat':
      case 'error':
        return;
      default:
        if (!('id' in message) || !message.storeId) return;
        this.lastIds.set(message.storeId, message.id);
        this.options.onEvent(message);
    }
  }

  private sendSubscribe(storeId: string): void {
    const lastEventId = this.lastIds.get(storeId);
    this.send({ type: 'subscribe', storeId, ...(lastEventId ? { lastEventId } : {}) });
  }

  private send(message: Record<string, unknown>): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private setStatus(status: LiveStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.listeners.forEach((listener) => listener());
  }
}
