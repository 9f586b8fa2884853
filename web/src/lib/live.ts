import { useEffect, useSyncExternalStore } from 'react';
import { API_BASE } from './api/operations';
import { refreshSession, refusedRefresh } from './http';
import { createInvalidator, staleKeys } from './live-cache';
import { LiveSocket, type LiveSocketOptions, type LiveStatus } from './live-socket';
import { forgetProduct } from './offline-catalogue';
import { meQueryKey, storeDataKeys } from './query-keys';
import { queryClient } from './query-client';
import { getSession, markSessionExpired, subscribeSession } from './session';

// The tab's one live connection (§6.10): store events arrive over the WebSocket and mark what
// they change stale in the React Query cache, so screens update in place. The store on screen
// is watched (useLiveStore); the header shows whether updates arrive (useLiveStatus).

const invalidator = createInvalidator(queryClient);

function liveUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${window.location.host}${API_BASE}/ws`;
}

// The server refused the token: renew it as any request would. A refused renewal means the
// session is over: the sign-in dialog opens, and signing in again reconnects.
async function renewToken(): Promise<string | undefined> {
  try {
    return await refreshSession();
  } catch (error) {
    if (!refusedRefresh(error)) throw error;
    markSessionExpired();
    return undefined;
  }
}

export const liveSocket = new LiveSocket({
  url: liveUrl,
  renewToken,
  onEvent: (event) => {
    // A catch-up by `updatedSince` cannot see a deletion: the till's offline copy hears it here.
    if (event.type === 'product.deleted')
      void forgetProduct(event.storeId, event.payload.productId).catch(() => undefined);
    invalidator.add(staleKeys(event));
  },
  onResync: (storeId) => invalidator.add([storeDataKeys.store(storeId)]),
  // Membership ended: /auth/me no longer lists the store, and its screens say so.
  onRemoved: () => void queryClient.invalidateQueries({ queryKey: meQueryKey }),
});

/** Keys waiting to be invalidated (tests wait for none). */
export const pendingInvalidations = () => invalidator.pending();

type StartOptions = Partial<Pick<LiveSocketOptions, 'backoff' | 'random' | 'onRetry'>>;

// While live, the token is renewed a little before it expires and sent on the open socket, so
// the server does not close it (4001) at each expiry. Tabs share the renewal (lib/http.ts): the
// first tab's timer renews, the others take its token over and send it on their own sockets.
const RENEW_EARLY_MS = 30_000;
// A token's expiry is in whole seconds (JWT `exp`), so it may end up to a second before the
// `expiresIn` the client counted from; the renewal leaves that second on top.
const EXPIRY_ROUNDING_MS = 1_000;

function renewBeforeExpiry(expiresAt: number): ReturnType<typeof setTimeout> {
  const lifetime = expiresAt - Date.now();
  const early = Math.min(RENEW_EARLY_MS, lifetime / 4) + EXPIRY_ROUNDING_MS;
  // Never sooner than a quarter of its life: a server handing out 1-second tokens is not
  // asked for a new one in a loop.
  return setTimeout(
    () => {
      if (liveSocket.getStatus() === 'live') renewToken().catch(() => undefined);
    },
    Math.max(lifetime / 4, lifetime - early),
  );
}

// Whose the connection (and its positions) is. Module state, as the socket is: a sign-out, or
// another user signing in, even while no signed-in layout was mounted, starts it afresh.
let liveUser: string | undefined;

function followUser(user: string | undefined): void {
  if (user === liveUser) return;
  if (liveUser) {
    // Nothing of the last user's connection carries over: its socket, its stores' positions,
    // nor the invalidations their events asked for.
    liveSocket.setToken(undefined);
    liveSocket.reset();
    invalidator.dispose();
  }
  liveUser = user;
}

/** Connects while there is a usable session, following its renewals; returns the stop. */
export function startLive(options: StartOptions = {}): () => void {
  liveSocket.configure(options);
  let token: string | undefined;
  let renewFor: number | undefined;
  let renewal: ReturnType<typeof setTimeout> | undefined;
  const sync = () => {
    const session = getSession();
    const usable = session.status === 'authenticated' && !session.expired;
    followUser(session.status === 'authenticated' ? session.user.id : undefined);
    const next = usable ? session.accessToken : undefined;
    const expiresAt = usable ? session.expiresAt : undefined;
    if (next !== token || expiresAt !== renewFor) {
      [token, renewFor] = [next, expiresAt];
      clearTimeout(renewal);
      renewal = expiresAt ? renewBeforeExpiry(expiresAt) : undefined;
    }
    liveSocket.setToken(next);
  };
  // Back online, or back to the tab: a retry waiting out its backoff goes now.
  const retry = () => {
    if (document.visibilityState === 'visible') liveSocket.retryNow();
  };
  sync();
  const unsubscribe = subscribeSession(sync);
  window.addEventListener('online', retry);
  document.addEventListener('visibilitychange', retry);
  return () => {
    unsubscribe();
    window.removeEventListener('online', retry);
    document.removeEventListener('visibilitychange', retry);
    clearTimeout(renewal);
    liveSocket.setToken(undefined);
    invalidator.dispose();
  };
}

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(liveSocket.subscribe, liveSocket.getStatus, liveSocket.getStatus);
}

/** Receives the store's events while the calling screen shows it. */
export function useLiveStore(storeId: string | undefined): void {
  useEffect(() => (storeId ? liveSocket.watch(storeId) : undefined), [storeId]);
}
