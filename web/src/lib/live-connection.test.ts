import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLiveTab, sessionOf, STORE, type LiveSetup } from '@/test/live-tab';
import { CLOSE_NO_HEARTBEAT } from './live-socket';

// The tab's live connection (lib/live.ts) over its lifetime, against a real WebSocket server on
// loopback playing the API: a connection that goes quiet is replaced, a token renewed in
// another tab goes on the open socket, and a sign-out ends it with nothing of the last user's
// carried over to the next. Where the clock matters it is fake
// (only setTimeout): time moves when the test says, while the socket's messages are waited for
// on the real clock.

const realSetTimeout = globalThis.setTimeout;
const pause = (ms: number) => new Promise((resolve) => realSetTimeout(resolve, ms));

/** Waits on the real clock, without moving the fake one (as vi.waitFor would). */
async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(5);
  }
}

const fakeClock = () =>
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldClearNativeTimers: true });

const stock = (quantity: number) => ({
  productId: '9e0d0000-0000-4000-8000-000000000001',
  delta: -1,
  reason: 'sale',
  quantity,
  movementId: '9e0d0000-0000-4000-8000-00000000000a',
});

const ben = {
  id: 'u-ben',
  email: 'ben@example.com',
  name: 'Ben',
  createdAt: '2025-01-01T00:00:00Z',
};
const userOf = (token: string) => (token === 'token-ben' ? 'u-ben' : 'u-ana');

let setup: LiveSetup | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await setup?.close();
  setup = undefined;
});

describe('heartbeat', () => {
  const HEARTBEAT_MS = 10_000;

  it('keeps the socket while something comes within two heartbeats; a silent one is dead: offline, then a new socket resumes', async () => {
    fakeClock();
    const retries: [number, number][] = [];
    setup = await openLiveTab(
      { valid: 'token-1', refreshes: 0 },
      { random: () => 0.5, onRetry: (attempt, delay) => retries.push([attempt, delay]) },
      { heartbeatMs: HEARTBEAT_MS },
    );
    const { tab, server } = setup;
    tab.liveSocket.watch(STORE);
    await until(() => server.peers[0]?.stores.has(STORE) === true, 'the subscription');
    const seen = server.publish(STORE, 'inventory.stock_updated', stock(9));
    await until(() => tab.liveSocket.lastEventId(STORE) === seen.id, 'the first event');
    const statuses: string[] = [];
    tab.liveSocket.subscribe(() => statuses.push(tab.liveSocket.getStatus()));

    // A minute of heartbeats, each one and a half heartbeats after the last (late, not gone).
    for (let beat = 0; beat < 4; beat += 1) {
      vi.advanceTimersByTime(1.5 * HEARTBEAT_MS);
      server.heartbeat();
      await pause(20);
    }
    expect(server.open()).toHaveLength(1);
    expect(statuses).toEqual([]);

    // Then the connection goes quiet (the server still thinks it is there), and a change made
    // meanwhile does not arrive on it.
    server.silence();
    const missed = server.publish(STORE, 'inventory.stock_updated', stock(8));
    vi.advanceTimersByTime(2 * HEARTBEAT_MS - 100);
    await pause(20);
    expect(tab.liveSocket.getStatus()).toBe('live');
    expect(retries).toEqual([]);

    vi.advanceTimersByTime(100);
    expect(tab.liveSocket.getStatus()).toBe('offline');
    expect(retries).toEqual([[0, 10]]);
    await until(() => server.peers[0]?.closedWith === CLOSE_NO_HEARTBEAT, 'the dead socket closed');

    // After the backoff, a new socket picks up where the dead one stopped.
    vi.advanceTimersByTime(10);
    await until(() => tab.liveSocket.lastEventId(STORE) === missed.id, 'the missed event');
    expect(server.peers).toHaveLength(2);
    expect(server.peers[1]?.received).toEqual([
      { type: 'auth', token: 'token-1' },
      { type: 'subscribe', storeId: STORE, lastEventId: seen.id },
    ]);
    expect(statuses).toEqual(['offline', 'live']);
  });
});

describe('renewal', () => {
  it('sends a token renewed in another tab on its open socket, keeping its subscription', async () => {
    const state = { valid: 'token-1', refreshes: 0 };
    setup = await openLiveTab(state);
    const { tab, server } = setup;
    tab.liveSocket.watch(STORE);
    await until(() => server.peers[0]?.stores.has(STORE) === true, 'the subscription');

    // Another tab (its own copy of the modules) renews the token and tells the others.
    vi.resetModules();
    const otherTab = await import('@/lib/session');
    state.valid = 'token-2';
    otherTab.setSession(sessionOf('token-2'));
    await until(() => server.peers[0]?.received.at(-1)?.token === 'token-2', 'the new token');
    const event = server.publish(STORE, 'inventory.stock_updated', stock(6));
    await until(() => tab.liveSocket.lastEventId(STORE) === event.id, 'the event');

    // Taken over, not renewed again here; the same socket, the same subscription.
    expect(state.refreshes).toBe(0);
    expect(tab.getAccessToken()).toBe('token-2');
    expect(server.peers).toHaveLength(1);
    expect(server.peers[0]?.received).toEqual([
      { type: 'auth', token: 'token-1' },
      { type: 'subscribe', storeId: STORE },
      { type: 'auth', token: 'token-2' },
    ]);
  });
});

describe('users', () => {
  it('closes on sign-out, drops what the last user’s events asked for, and opens a socket as the next user that starts afresh', async () => {
    fakeClock();
    const state = { valid: 'token-1', refreshes: 0 };
    setup = await openLiveTab(state, {}, { userOf });
    const { tab, server } = setup;
    const products = `/stores/${STORE}/products`;
    await setup.show([...tab.storeDataKeys.products(STORE), 'list', {}], products);
    tab.liveSocket.watch(STORE);
    await until(() => server.peers[0]?.stores.has(STORE) === true, 'Ana’s subscription');
    const fetched = setup.requests(products).length;

    // An event of Ana's store arrives; its refetch waits for the burst to end (100 ms, which
    // the fake clock does not reach) when she signs out.
    const anas = server.publish(STORE, 'inventory.stock_updated', stock(2));
    await until(() => tab.liveSocket.lastEventId(STORE) === anas.id, 'Ana’s event');
    expect(tab.pendingInvalidations()).toBeGreaterThan(0);
    await tab.signOut();

    expect(tab.pendingInvalidations()).toBe(0);
    expect(tab.liveSocket.getStatus()).toBe('offline');
    await until(() => server.peers[0]?.closedWith === 1000, 'Ana’s socket closed');
    expect(tab.liveSocket.lastEventId(STORE)).toBeUndefined();
    // Her store goes on changing; nothing reaches this tab, and nothing is fetched for her.
    server.publish(STORE, 'inventory.stock_updated', stock(1));
    vi.advanceTimersByTime(60_000);
    await pause(50);
    expect(setup.requests(products)).toHaveLength(fetched);
    expect(server.open()).toHaveLength(0);

    state.valid = 'token-ben';
    tab.setSession(sessionOf('token-ben', ben));
    await until(() => server.peers[1]?.stores.has(STORE) === true, 'Ben’s subscription');
    // Ana's position is not Ben's: he starts from the store's newest event.
    expect(server.peers[1]?.received).toEqual([
      { type: 'auth', token: 'token-ben' },
      { type: 'subscribe', storeId: STORE },
    ]);
    const bens = server.publish(STORE, 'inventory.stock_updated', stock(0));
    await until(() => tab.liveSocket.lastEventId(STORE) === bens.id, 'Ben’s event');
    expect(server.peers).toHaveLength(2);
    expect(tab.liveSocket.getStatus()).toBe('live');
  });

  it('resumes the same user after the signed-in layout mounts again, but not another user', async () => {
    const state = { valid: 'token-1', refreshes: 0 };
    setup = await openLiveTab(state, {}, { userOf });
    const { tab, server } = setup;
    tab.liveSocket.watch(STORE);
    await until(() => server.peers[0]?.stores.has(STORE) === true, 'the subscription');
    const seen = server.publish(STORE, 'inventory.stock_updated', stock(5));
    await until(() => tab.liveSocket.lastEventId(STORE) === seen.id, 'the event');

    setup.stopLive();
    await until(() => server.peers[0]?.closedWith === 1000, 'the socket closed');
    setup.startLive();
    await until(() => server.peers[1]?.stores.has(STORE) === true, 'Ana again');
    expect(server.peers[1]?.received[1]).toEqual({
      type: 'subscribe',
      storeId: STORE,
      lastEventId: seen.id,
    });

    // Unmounted, Ben signs in (the layout did not see Ana leave): he does not resume from her
    // position.
    setup.stopLive();
    state.valid = 'token-ben';
    tab.setSession(sessionOf('token-ben', ben));
    setup.startLive();
    await until(() => server.peers[2]?.stores.has(STORE) === true, 'Ben’s subscription');
    expect(server.peers[2]?.received).toEqual([
      { type: 'auth', token: 'token-ben' },
      { type: 'subscribe', storeId: STORE },
    ]);
  });
});
