import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLiveTab, OTHER_STORE, STORE, type LiveSetup } from '@/test/live-tab';
import { staleKeys } from './live-cache';
import { notificationsKey, storeDataKeys } from './query-keys';

// Store events → the React Query cache, through a real WebSocket and real HTTP refetches: what
// is on screen is fetched again once per burst, a resync refreshes the whole store, and a
// removed membership refreshes the user's stores.

const product = (n: number) => `9e0d0000-0000-4000-8000-${String(n).padStart(12, '0')}`;

let setup: LiveSetup | undefined;
afterEach(async () => {
  await setup?.close();
  setup = undefined;
});

async function liveIn(store: string) {
  setup = await openLiveTab({ valid: 'token-1', refreshes: 0 });
  setup.tab.liveSocket.watch(store);
  await vi.waitFor(() => expect(setup?.server.peers[0]?.stores.has(store)).toBe(true));
  return setup;
}

describe('live cache', () => {
  it('refetches each list on screen once for a delivery of 200 lines', async () => {
    const { tab, server, show, requests, settled } = await liveIn(STORE);
    const keys = tab.storeDataKeys;
    await show([...keys.products(STORE), 'list', {}], `/stores/${STORE}/products`);
    await show([...keys.purchaseOrders(STORE), 'list', {}], `/stores/${STORE}/purchase-orders`);
    await show([...keys.sales(STORE), 'list', {}], `/stores/${STORE}/sales`);

    let last: { id: string } = server.publish(STORE, 'purchase_order.updated', {
      purchaseOrderId: product(900),
      orderNumber: 'PO-0001',
      status: 'completed',
      change: 'received',
    });
    for (let line = 1; line <= 200; line += 1) {
      last = server.publish(STORE, 'inventory.stock_updated', {
        productId: product(line),
        delta: 12,
        reason: 'purchase',
        quantity: 12 + line,
        movementId: product(1000 + line),
      });
    }
    await vi.waitFor(() => expect(tab.liveSocket.lastEventId(STORE)).toBe(last.id));
    await vi.waitFor(() => expect(requests(`/stores/${STORE}/products`)).toHaveLength(2));
    await settled();

    expect(requests(`/stores/${STORE}/products`)).toHaveLength(2);
    expect(requests(`/stores/${STORE}/purchase-orders`)).toHaveLength(2);
    // A delivery changes no sale.
    expect(requests(`/stores/${STORE}/sales`)).toHaveLength(1);
  });

  it('refreshes everything of the store when the server says the missed events are gone', async () => {
    const { tab, server, show, requests, settled } = await liveIn(STORE);
    const keys = tab.storeDataKeys;
    await show([...keys.products(STORE), 'list', {}], `/stores/${STORE}/products`);
    await show([...keys.sales(STORE), 'list', {}], `/stores/${STORE}/sales`);
    await show([...keys.products(OTHER_STORE), 'list', {}], `/stores/${OTHER_STORE}/products`);
    const seen = server.publish(STORE, 'sale.recorded', {
      saleId: product(1),
      number: 1,
      total: 12.5,
      itemCount: 2,
    });
    await vi.waitFor(() => expect(requests(`/stores/${STORE}/sales`)).toHaveLength(2));
    await settled();

    // Down for longer than the server keeps events: a sale happens and its event is dropped.
    server.closeAll(1012);
    const gone = server.publish(STORE, 'sale.voided', {
      saleId: product(1),
      number: 1,
      total: 12.5,
      reason: 'x',
    });
    server.forgetAll();
    await vi.waitFor(() => expect(server.peers[1]?.stores.has(STORE)).toBe(true));
    await vi.waitFor(() => expect(requests(`/stores/${STORE}/products`)).toHaveLength(3));
    await settled();

    expect(server.peers[1]?.received[1]).toEqual({
      type: 'subscribe',
      storeId: STORE,
      lastEventId: seen.id,
    });
    expect(requests(`/stores/${STORE}/sales`)).toHaveLength(3);
    expect(requests(`/stores/${OTHER_STORE}/products`)).toHaveLength(1);
    // Everything refetched is as of the store's newest event: the next resume starts there.
    expect(tab.liveSocket.lastEventId(STORE)).toBe(gone.id);
  });

  it('refreshes the user’s stores when a membership is removed, and stops following that store', async () => {
    const { tab, server, show, requests, settled } = await liveIn(STORE);
    await show(tab.meQueryKey, '/auth/me');

    const [peer] = server.peers;
    if (!peer) throw new Error('No socket');
    server.send(peer, { type: 'unsubscribed', storeId: STORE, reason: 'membership_removed' });
    peer.stores.delete(STORE);
    await vi.waitFor(() => expect(requests('/auth/me')).toHaveLength(2));
    await settled();

    server.closeAll(1012);
    await vi.waitFor(() => expect(tab.liveSocket.getStatus()).toBe('live'));
    await vi.waitFor(() => expect(server.peers).toHaveLength(2));
    tab.liveSocket.watch(OTHER_STORE);
    await vi.waitFor(() => expect(server.peers[1]?.stores.has(OTHER_STORE)).toBe(true));
    expect(server.peers[1]?.received.map((m) => m.storeId)).toEqual([undefined, OTHER_STORE]);
  });
});

describe('what a finished job makes stale', () => {
  const finished = (type: string) =>
    ({
      id: '7',
      type: 'job.finished',
      storeId: STORE,
      timestamp: '2026-12-07T09:00:00.000Z',
      payload: {
        jobId: product(1),
        type,
        what: 'Product import',
        status: 'succeeded',
        error: null,
        startedBy: product(2),
      },
    }) as const;

  it('refreshes the job’s page and the bell, and for an import the products too', () => {
    expect(staleKeys(finished('products.import'))).toEqual([
      storeDataKeys.job(STORE, product(1)),
      notificationsKey,
      storeDataKeys.products(STORE),
      storeDataKeys.dashboard(STORE),
    ]);
    expect(staleKeys(finished('reports.run'))).toEqual([
      storeDataKeys.job(STORE, product(1)),
      notificationsKey,
    ]);
  });
});
