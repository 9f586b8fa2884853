import { clear, createStore, entries, set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drop, reply, startLocalApi, type LocalApi, type Received } from '@/test/local-api';
import type { QueuedSale } from './types';

// The till's outbox (sale-outbox.ts) with IndexedDB (fake-indexeddb: in memory, to the spec)
// and a real HTTP server playing POST /sales with the API's idempotency: the same key is
// answered with the first result and records nothing again.

const STORE = 'store-1';
const SALES = `/api/v1/stores/${STORE}/sales`;
const ana = {
  id: 'u-ana',
  email: 'ana@example.com',
  name: 'Ana',
  createdAt: '2025-01-01T00:00:00Z',
};
const outbox = createStore('nimbus-sale-outbox', 'sales');

function queued(key: string, queuedAt: number, userId = ana.id): QueuedSale {
  return {
    idempotencyKey: key,
    storeId: STORE,
    userId,
    input: { items: [{ productId: `p-${key}`, quantity: 1 }] },
    lines: [],
    total: 2.5,
    units: 1,
    queuedAt,
  };
}

/** The sales endpoint, recording each key once; `first` decides what its first answers do. */
function salesApi(first: (attempt: number, res: Parameters<typeof reply>[0]) => boolean) {
  const recorded = new Map<string, { id: string; number: number }>();
  let attempts = 0;
  const route = (request: Received, res: Parameters<typeof reply>[0]) => {
    attempts += 1;
    const key = request.idempotencyKey ?? '';
    const sale = recorded.get(key) ?? {
      id: `sale-${recorded.size + 1}`,
      number: recorded.size + 1,
    };
    recorded.set(key, sale);
    if (first(attempts, res)) return;
    reply(res, 201, { ...sale, status: 'completed' });
  };
  return { recorded, route };
}

async function openTill() {
  vi.resetModules();
  const session = await import('@/lib/session');
  session.setSession({ user: ana, accessToken: 'token', refreshToken: '-', expiresIn: 900 });
  return { ...session, ...(await import('./sale-outbox')) };
}

const stored = async () => new Map(await entries<string, QueuedSale>(outbox));
const postsTo = (api: LocalApi) => api.received.filter((r) => r.path === SALES);

let api: LocalApi | undefined;
beforeEach(async () => {
  await clear(outbox);
  api = undefined;
});
afterEach(async () => {
  await api?.close();
});

describe('sale outbox', () => {
  it('sends a queued sale with its key and forgets it once the server has recorded it', async () => {
    const sales = salesApi(() => false);
    api = await startLocalApi({ [`POST ${SALES}`]: sales.route });
    const till = await openTill();

    await till.queueSale(queued('key-1', 1));

    await vi.waitFor(async () => expect((await stored()).size).toBe(0));
    expect(postsTo(api)).toEqual([
      expect.objectContaining({
        idempotencyKey: 'key-1',
        body: { items: [{ productId: 'p-key-1', quantity: 1 }] },
      }),
    ]);
    expect(sales.recorded.size).toBe(1);
  });

  it('sends a sale rung up offline with its provisional number, for the server to keep', async () => {
    const sales = salesApi(() => false);
    api = await startLocalApi({ [`POST ${SALES}`]: sales.route });
    const till = await openTill();

    await till.queueSale({ ...queued('key-1', 1), provisionalNumber: 'OFF-AB12-3' });

    await vi.waitFor(async () => expect((await stored()).size).toBe(0));
    expect(postsTo(api).map((r) => r.body)).toEqual([
      { items: [{ productId: 'p-key-1', quantity: 1 }], provisionalNumber: 'OFF-AB12-3' },
    ]);
  });

  it('when an earlier attempt without the number reached the server (the key names another body), then the sale as first sent is answered', async () => {
    // The server's idempotency: this key was first used with the body without the number.
    const first = { items: [{ productId: 'p-key-1', quantity: 1 }] };
    const sales = salesApi(() => false);
    api = await startLocalApi({
      [`POST ${SALES}`]: (request, res) => {
        if (JSON.stringify(request.body) !== JSON.stringify(first)) {
          reply(res, 422, {
            code: 'IDEMPOTENCY_KEY_REUSED',
            message: 'This Idempotency-Key was used with a different request',
          });
          return;
        }
        sales.route(request, res);
      },
    });
    const till = await openTill();

    await till.queueSale({ ...queued('key-1', 1), provisionalNumber: 'OFF-AB12-3' });

    await vi.waitFor(async () => expect((await stored()).size).toBe(0));
    expect(postsTo(api).map((r) => r.body)).toEqual([
      { ...first, provisionalNumber: 'OFF-AB12-3' },
      first,
    ]);
    expect(sales.recorded.size).toBe(1);
  });

  it('keeps a sale whose answer was lost and sends it again by itself under the same key, recorded once', async () => {
    // The server records the sale, then the connection drops before the answer arrives.
    const sales = salesApi((attempt, res) => {
      if (attempt === 1) drop(res);
      return attempt === 1;
    });
    api = await startLocalApi({ [`POST ${SALES}`]: sales.route });
    const till = await openTill();

    await till.queueSale(queued('key-1', 1));
    await vi.waitFor(() => expect(postsTo(api!)).toHaveLength(1));
    expect((await stored()).has('key-1')).toBe(true);

    // The first retry comes 2 seconds later.
    await vi.waitFor(async () => expect((await stored()).size).toBe(0), { timeout: 5_000 });
    expect(postsTo(api).map((r) => r.idempotencyKey)).toEqual(['key-1', 'key-1']);
    expect(sales.recorded.size).toBe(1);
  }, 10_000);

  it('keeps a refused sale with the reason and does not send it again', async () => {
    const refusal = {
      code: 'INSUFFICIENT_STOCK',
      message: 'Not enough stock for 1 line',
      details: [{ productId: 'p-key-1', requested: 1, available: 0 }],
    };
    api = await startLocalApi({ [`POST ${SALES}`]: (_request, res) => reply(res, 409, refusal) });
    const till = await openTill();

    await till.queueSale(queued('key-1', 1));
    await vi.waitFor(async () =>
      expect((await stored()).get('key-1')?.refusal).toBe('Not enough stock for 1 line'),
    );
    await till.sendQueuedSales();

    expect(postsTo(api)).toHaveLength(1);
  });

  it('sends what an earlier page left on the device when the page starts, oldest first, as its user only', async () => {
    await set('key-late', queued('key-late', 2), outbox);
    await set('key-early', queued('key-early', 1), outbox);
    await set('key-ben', queued('key-ben', 0, 'u-ben'), outbox);
    const sales = salesApi(() => false);
    api = await startLocalApi({ [`POST ${SALES}`]: sales.route });
    const till = await openTill();

    till.startSaleOutbox();

    await vi.waitFor(async () => expect([...(await stored()).keys()]).toEqual(['key-ben']));
    expect(postsTo(api).map((r) => r.idempotencyKey)).toEqual(['key-early', 'key-late']);
  });

  it('sends nothing while the session waits for its user to sign in again', async () => {
    api = await startLocalApi({ [`POST ${SALES}`]: salesApi(() => false).route });
    const till = await openTill();
    till.markSessionExpired();

    await till.queueSale(queued('key-1', 1));
    await till.sendQueuedSales();

    expect(postsTo(api)).toHaveLength(0);
    expect((await stored()).has('key-1')).toBe(true);
  });
});
