import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLiveTab, OTHER_STORE, sessionOf, STORE, type LiveSetup } from '@/test/live-tab';
import { backoffDelay, CLOSE_SLOW_CONSUMER, CLOSE_UNAUTHENTICATED } from './live-socket';

// The tab's live connection (lib/live.ts) against a real WebSocket server on loopback playing
// the API's /api/v1/ws: one socket, auth and re-auth, resume after drops, 4001. Heartbeats and
// users coming and going: live-connection.test.ts.

const stock = (quantity: number) => ({
  productId: '9e0d0000-0000-4000-8000-000000000001',
  delta: -1,
  reason: 'sale',
  quantity,
  movementId: '9e0d0000-0000-4000-8000-00000000000a',
});

let setup: LiveSetup | undefined;
afterEach(async () => {
  await setup?.close();
  setup = undefined;
});

describe('backoff', () => {
  it('waits anywhere from 0 to the exponential step, never more than the cap', () => {
    const backoff = { baseMs: 500, capMs: 30_000 };
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const step = Math.min(backoff.capMs, backoff.baseMs * 2 ** attempt);
      expect(backoffDelay(attempt, backoff, () => 0)).toBe(0);
      expect(backoffDelay(attempt, backoff, () => 0.5)).toBe(Math.floor(step / 2));
      expect(backoffDelay(attempt, backoff, () => 0.9999)).toBe(Math.floor(step * 0.9999));
    }
    expect(backoffDelay(20, backoff, () => 0.9999)).toBeLessThan(backoff.capMs);
  });
});

describe('live connection', () => {
  it('keeps one socket for the tab and follows the store on screen', async () => {
    setup = await openLiveTab({ valid: 'token-1', refreshes: 0 });
    const { tab, server } = setup;
    const unwatch = tab.liveSocket.watch(STORE);
    const again = tab.liveSocket.watch(STORE);
    await vi.waitFor(() => expect(server.peers[0]?.stores.has(STORE)).toBe(true));
    expect(tab.liveSocket.getStatus()).toBe('live');

    unwatch();
    again();
    const next = tab.liveSocket.watch(OTHER_STORE);
    await vi.waitFor(() => expect(server.peers[0]?.stores.has(OTHER_STORE)).toBe(true));

    expect(server.peers).toHaveLength(1);
    expect(server.peers[0]?.stores.has(STORE)).toBe(false);
    expect(server.peers[0]?.received).toEqual([
      { type: 'auth', token: 'token-1' },
      { type: 'subscribe', storeId: STORE },
      { type: 'unsubscribe', storeId: STORE },
      { type: 'subscribe', storeId: OTHER_STORE },
    ]);
    next();
  });

  it('reconnects with growing, capped backoff and resumes from the last event it saw', async () => {
    const retries: [number, number][] = [];
    setup = await openLiveTab(
      { valid: 'token-1', refreshes: 0 },
      { random: () => 0.999, onRetry: (attempt, delay) => retries.push([attempt, delay]) },
    );
    const { tab, server } = setup;
    const statuses: string[] = [tab.liveSocket.getStatus()];
    tab.liveSocket.subscribe(() => statuses.push(tab.liveSocket.getStatus()));
    tab.liveSocket.watch(STORE);
    await vi.waitFor(() => expect(server.peers[0]?.stores.has(STORE)).toBe(true));
    const seen = server.publish(STORE, 'inventory.stock_updated', stock(9));
    await vi.waitFor(() => expect(tab.liveSocket.lastEventId(STORE)).toBe(seen.id));

    // The server sheds the socket as a slow consumer, then stays down for five tries, while
    // stock keeps changing.
    server.refuseNext(5);
    server.closeAll(CLOSE_SLOW_CONSUMER);
    const missed = [
      server.publish(STORE, 'inventory.stock_updated', stock(8)),
      server.publish(STORE, 'inventory.stock_updated', stock(7)),
    ];
    await vi.waitFor(() => expect(tab.liveSocket.lastEventId(STORE)).toBe(missed[1]?.id), {
      timeout: 5_000,
    });

    expect(retries).toEqual(
      [0, 1, 2, 3, 4, 5].map((n) => [n, Math.floor(0.999 * Math.min(160, 20 * 2 ** n))]),
    );
    expect(server.peers).toHaveLength(7);
    expect(server.peers[6]?.received).toEqual([
      { type: 'auth', token: 'token-1' },
      { type: 'subscribe', storeId: STORE, lastEventId: seen.id },
    ]);
    // Connecting on start, then after the drop; offline once a retry has failed.
    expect(statuses).toEqual(['connecting', 'live', 'connecting', 'offline', 'live']);
  });

  it('reconnects at once when the browser is back online, instead of waiting out the backoff', async () => {
    const retries: number[] = [];
    setup = await openLiveTab(
      { valid: 'token-1', refreshes: 0 },
      {
        backoff: { baseMs: 60_000, capMs: 60_000 },
        random: () => 0.999,
        onRetry: (_attempt, delay) => retries.push(delay),
      },
    );
    const { tab, server } = setup;
    tab.liveSocket.watch(STORE);
    await vi.waitFor(() => expect(server.peers[0]?.stores.has(STORE)).toBe(true));

    server.closeAll(1012);
    await vi.waitFor(() => expect(retries).toHaveLength(1));
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(server.peers[1]?.stores.has(STORE)).toBe(true));

    expect(retries[0]).toBeGreaterThan(50_000);
    expect(tab.liveSocket.getStatus()).toBe('live');
  });

  it('resumes a store that had no events yet from its beginning', async () => {
    setup = await openLiveTab({ valid: 'token-1', refreshes: 0 });
    const { tab, server } = setup;
    tab.liveSocket.watch(STORE);
    await vi.waitFor(() => expect(server.peers[0]?.stores.has(STORE)).toBe(true));

    server.closeAll(1012);
    const first = server.publish(STORE, 'inventory.stock_updated', stock(4));
    await vi.waitFor(() => expect(tab.liveSocket.lastEventId(STORE)).toBe(first.id));

    expect(server.peers[1]?.received[1]).toEqual({
      type: 'subscribe',
      storeId: STORE,
      lastEventId: '0',
    });
  });

  it('sends a renewed token on the open socket', async () => {
    const state = { valid: 'token-1', refreshes: 0 };
    setup = await openLiveTab(state);
    const { tab, server } = setup;
    tab.liveSocket.watch(STORE);
    await vi.waitFor(() => expect(server.peers[0]?.stores.has(STORE)).toBe(true));

    // A request finds its token expired: the SPA renews it, and the socket follows.
    state.valid = 'token-2';
    await tab.api.get('/auth/me');
    await vi.waitFor(() =>
      expect(server.peers[0]?.received.at(-1)).toEqual({ type: 'auth', token: 'token-2' }),
    );
    const event = server.publish(STORE, 'inventory.stock_updated', stock(3));
    await vi.waitFor(() => expect(tab.liveSocket.lastEventId(STORE)).toBe(event.id));

    expect(state.refreshes).toBe(1);
    expect(server.peers).toHaveLength(1);
  });

  it('renews the token before it expires and sends it on the same socket', async () => {
    const state = { valid: 'token-1', refreshes: 0 };
    setup = await openLiveTab(state);
    const { tab, server } = setup;
    tab.liveSocket.watch(STORE);
    await vi.waitFor(() => expect(server.peers[0]?.stores.has(STORE)).toBe(true));

    // A token with a second to live (or less: its `exp` is in whole seconds): renewed a quarter
    // of the way in.
    state.valid = 'token-2';
    tab.setSession(sessionOf('token-1', undefined, 1));
    await vi.waitFor(() => expect(tab.getAccessToken()).toBe('token-2'), { timeout: 3_000 });
    await vi.waitFor(() =>
      expect(server.peers[0]?.received.at(-1)).toEqual({ type: 'auth', token: 'token-2' }),
    );

    expect(state.refreshes).toBe(1);
    expect(server.peers).toHaveLength(1);
  });

  it('on 4001 renews the token and reconnects with it, resuming where it was', async () => {
    const state = { valid: 'token-1', refreshes: 0 };
    setup = await openLiveTab(state);
    const { tab, server } = setup;
    tab.liveSocket.watch(STORE);
    await vi.waitFor(() => expect(server.peers[0]?.stores.has(STORE)).toBe(true));
    const seen = server.publish(STORE, 'inventory.stock_updated', stock(5));
    await vi.waitFor(() => expect(tab.liveSocket.lastEventId(STORE)).toBe(seen.id));

    state.valid = 'token-2';
    server.closeAll(CLOSE_UNAUTHENTICATED);
    await vi.waitFor(() => expect(server.peers[1]?.stores.has(STORE)).toBe(true));

    expect(state.refreshes).toBe(1);
    expect(tab.getAccessToken()).toBe('token-2');
    expect(server.peers[1]?.received).toEqual([
      { type: 'auth', token: 'token-2' },
      { type: 'subscribe', storeId: STORE, lastEventId: seen.id },
    ]);
    expect(tab.liveSocket.getStatus()).toBe('live');
  });

  it('on 4001 with the session gone waits for the user to sign in again, then reconnects', async () => {
    const state = { valid: 'token-1', refreshes: 0, refuse: false };
    setup = await openLiveTab(state);
    const { tab, server } = setup;
    tab.liveSocket.watch(STORE);
    await vi.waitFor(() => expect(server.peers[0]?.stores.has(STORE)).toBe(true));

    state.refuse = true;
    state.valid = 'token-2';
    server.closeAll(CLOSE_UNAUTHENTICATED);
    await vi.waitFor(() => expect(tab.isSessionExpired()).toBe(true));
    expect(tab.liveSocket.getStatus()).toBe('offline');

    tab.setSession(sessionOf('token-2'));
    await vi.waitFor(() => expect(server.peers[1]?.stores.has(STORE)).toBe(true));

    expect(state.refreshes).toBe(1);
    // Nothing was tried while the session was gone: the next socket is the signed-in one.
    expect(server.peers.map((peer) => peer.received[0])).toEqual([
      { type: 'auth', token: 'token-1' },
      { type: 'auth', token: 'token-2' },
    ]);
  });
});
