import WebSocket from 'ws';
import type { Role } from '../../core/access';
import type { Logger } from '../../logger';
import type { EventHub } from './events.hub';
import type { StoreEventItem } from './events.repo';
import { CLOSE, LIMITS, parseMessage } from './socket.protocol';
import { createSubscription, type Backlog, type Subscription } from './socket.subscription';

/** Who a socket's token names: a person until `expiresAt`, or an API key (`apiKey`). */
export interface SocketCaller {
  userId: string;
  /** When the token stops being accepted (epoch ms); null: a key that does not expire. */
  expiresAt: number | null;
  /** A person's session (its refresh-token family): its ending closes the socket. */
  sessionId?: string;
  apiKey?: { id: string; storeId: string; role: Role };
}

export interface ConnectionDeps {
  authenticate(token: string): Promise<SocketCaller>;
  /**
   * Whether the caller may read the store's events (a member with inventory:read, or a key
   * of that store whose role may).
   */
  canRead(storeId: string, userId: string, apiKey?: SocketCaller['apiKey']): Promise<boolean>;
  /** How often a key's socket checks that the key is still live (revoked: closed with 4001). */
  keyRecheckMs: number;
  hub: EventHub;
  backlog: Backlog;
  log: Logger;
  heartbeatMs: number;
  maxBufferedBytes: number;
  /** Whether the user may open one more socket (the caller counts them). */
  admit(conn: Connection): boolean;
  release(conn: Connection): void;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * One client's socket: authenticates it (a token in the upgrade or an `auth` message within
 * AUTH_TIMEOUT_MS, renewed by later `auth` messages), handles its messages one at a time,
 * holds its subscriptions, and closes it when its token expires or it stops reading.
 */
export class Connection {
  userId: string | undefined;
  apiKey: SocketCaller['apiKey'];
  sessionId: string | undefined;
  alive = true;
  private keyToken: string | undefined;
  private readonly subs = new Map<string, Subscription>();
  private inbox: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private admitted = false;
  private pending = 0;

  constructor(
    readonly ws: WebSocket,
    private readonly deps: ConnectionDeps,
    initialToken: string | undefined,
  ) {
    ws.on('message', (data, isBinary) => {
      if (++this.pending > LIMITS.MAX_PENDING_MESSAGES) {
        return this.close(CLOSE.POLICY, 'Too many messages in flight');
      }
      const raw = isBinary ? '' : data.toString();
      this.inbox = this.inbox
        .then(() => this.handle(raw))
        .catch((err) => this.fail(err))
        .finally(() => this.pending--);
    });
    ws.on('pong', () => (this.alive = true));
    ws.on('close', () => this.dispose());
    ws.on('error', () => undefined);
    if (initialToken) {
      this.inbox = this.authenticate(initialToken).catch((err) => this.fail(err));
    } else {
      this.setTimer(LIMITS.AUTH_TIMEOUT_MS, `Authenticate within ${LIMITS.AUTH_TIMEOUT_MS} ms`);
    }
  }

  /** Sends a message unless the client has stopped reading (then closes with 4008). */
  send(message: object): boolean {
    if (this.ws.readyState !== WebSocket.OPEN) return false;
    if (this.ws.bufferedAmount > this.deps.maxBufferedBytes) {
      this.deps.log.warn('websocket closed: slow consumer', {
        userId: this.userId,
        bufferedBytes: this.ws.bufferedAmount,
      });
      this.close(CLOSE.SLOW_CONSUMER, 'slow consumer');
      return false;
    }
    this.ws.send(JSON.stringify(message));
    return true;
  }

  close(code: number, reason: string) {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
      this.ws.close(code, reason);
    }
    this.dispose();
  }

  /** The membership is gone: the subscription ends (on this socket, if it has one). */
  /** The session its token belongs to ended (signed out elsewhere, a password change). */
  sessionEnded() {
    this.close(CLOSE.UNAUTHORIZED, 'Session ended: sign in again');
  }

  membershipRemoved(storeId: string) {
    const sub = this.subs.get(storeId);
    if (!sub) return;
    this.endSubscription(storeId);
    this.send({ type: 'unsubscribed', storeId, reason: 'membership_removed' });
  }

  private async handle(raw: string) {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    const message = parseMessage(raw);
    if (typeof message === 'string') {
      this.send({ type: 'error', code: 'VALIDATION_ERROR', message });
      return;
    }
    if (message.type === 'auth') return this.authenticate(message.token);
    if (!this.userId) return this.close(CLOSE.UNAUTHORIZED, 'Authenticate first');
    if (message.type === 'unsubscribe') {
      this.endSubscription(message.storeId);
      this.send({ type: 'unsubscribed', storeId: message.storeId });
      return;
    }
    await this.subscribe(message.storeId, message.lastEventId ?? undefined);
  }

  /** `recheck`: a key's periodic check, answered with nothing unless the key is no longer live. */
  private async authenticate(token: string, recheck = false) {
    let who: SocketCaller;
    try {
      who = await this.deps.authenticate(token);
    } catch {
      const reason = recheck ? 'API key revoked or expired' : 'Invalid or expired access token';
      return this.close(CLOSE.UNAUTHORIZED, reason);
    }
    if (this.userId && (who.userId !== this.userId || who.apiKey?.id !== this.apiKey?.id)) {
      return this.close(CLOSE.UNAUTHORIZED, 'A token of another user');
    }
    this.userId = who.userId;
    this.apiKey = who.apiKey;
    this.sessionId = who.sessionId;
    if (!this.admitted) {
      if (!this.deps.admit(this)) {
        return this.close(CLOSE.TOO_MANY_SOCKETS, 'Too many sockets for this user');
      }
      this.admitted = true;
    } else {
      // A renewal: memberships may have changed since the subscriptions began.
      for (const storeId of [...this.subs.keys()]) {
        if (!(await this.deps.canRead(storeId, who.userId, who.apiKey))) {
          this.membershipRemoved(storeId);
        }
      }
    }
    if (who.apiKey) {
      // A key has no renewal: the socket asks again every keyRecheckMs whether it is live.
      this.keyToken = token;
      const next = Date.now() + this.deps.keyRecheckMs;
      const until = who.expiresAt === null ? next : Math.min(who.expiresAt, next);
      this.setTimer(until - Date.now(), 'API key expired', () => this.recheckKey());
    } else {
      this.setTimer((who.expiresAt ?? 0) - Date.now(), 'Access token expired');
    }
    if (recheck) return;
    const key = who.apiKey ? { apiKeyId: who.apiKey.id } : {};
    this.send({ type: 'welcome', userId: who.userId, ...key, heartbeatMs: this.deps.heartbeatMs });
  }

  private recheckKey() {
    const token = this.keyToken;
    if (!token || this.disposed) return;
    this.inbox = this.inbox
      .then(() => this.authenticate(token, true))
      .catch((err) => this.fail(err));
  }

  private async subscribe(storeId: string, lastEventId: number | undefined) {
    const userId = this.userId!;
    this.endSubscription(storeId);
    if (this.subs.size >= LIMITS.MAX_SUBSCRIPTIONS) {
      const message = `At most ${LIMITS.MAX_SUBSCRIPTIONS} subscriptions per socket`;
      this.send({ type: 'error', code: 'VALIDATION_ERROR', storeId, message });
      return;
    }
    if (!(await this.deps.canRead(storeId, userId, this.apiKey))) {
      const message = 'You are not a member of this store';
      this.send({ type: 'error', code: 'FORBIDDEN', storeId, message });
      return;
    }
    if (this.disposed) return;
    const sub = createSubscription(storeId, {
      backlog: this.deps.backlog,
      send: (m) => this.send(m),
      onError: (err) => this.fail(err),
    });
    this.subs.set(storeId, sub);
    const leave = await this.deps.hub.join(storeId, (e: StoreEventItem) => sub.live(e));
    if (this.subs.get(storeId) !== sub) return leave();
    sub.leave = leave;
    await sub.start(lastEventId);
  }

  private endSubscription(storeId: string) {
    const sub = this.subs.get(storeId);
    if (!sub) return;
    this.subs.delete(storeId);
    sub.end();
  }

  private setTimer(ms: number, reason: string, onTime?: () => void) {
    clearTimeout(this.timer);
    this.timer = setTimeout(
      onTime ?? (() => this.close(CLOSE.UNAUTHORIZED, reason)),
      Math.max(0, Math.min(ms, MAX_TIMER_MS)),
    );
    this.timer.unref();
  }

  private fail(err: unknown) {
    this.deps.log.error('websocket failed', { userId: this.userId, error: String(err) });
    this.close(1011, 'Internal error');
  }

  private disposed = false;
  private dispose() {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    for (const storeId of [...this.subs.keys()]) this.endSubscription(storeId);
    if (this.admitted) this.deps.release(this);
  }
}
