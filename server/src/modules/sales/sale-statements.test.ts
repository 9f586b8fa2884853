import { Client } from 'pg';
import { useTestApp } from '../../test/app';
import {
  backdateProduct,
  createProduct,
  quantityOf,
  storeWithMember,
  type StoreMember,
} from '../../test/factories';
import { postCount, postSale } from '../../test/requests';

const t = useTestApp();

/** The statements the app sends to PostgreSQL (its own pool's connections) while `fn` runs. */
async function statementsOf(fn: () => Promise<unknown>): Promise<string[]> {
  const ours = new Set<unknown>();
  const acquired = (client: unknown) => ours.add(client);
  t.db.pool.on('acquire', acquired);
  const spy = vi.spyOn(Client.prototype, 'query');
  try {
    await fn();
    return spy.mock.calls.flatMap((args, i) => {
      if (!ours.has(spy.mock.contexts[i])) return [];
      const q = args[0] as string | { text: string };
      return [(typeof q === 'string' ? q : q.text).trim().split(/\s+/).slice(0, 3).join(' ')];
    });
  } finally {
    spy.mockRestore();
    t.db.pool.off('acquire', acquired);
  }
}

async function saleOf(s: StoreMember, lines: number, key?: string) {
  const products = await Promise.all(
    Array.from({ length: lines }, () => createProduct(s, { initialQuantity: 100 })),
  );
  const items = products.map((p) => ({ productId: p.id, quantity: 1 }));
  return statementsOf(() => postSale(s, { items }, key).expect(201));
}

test('a sale takes the same number of statements whatever its number of lines', async () => {
  const s = await storeWithMember(t, 'employee');
  await saleOf(s, 1); // warms the caches a request reads (session, membership)
  const counts = [];
  for (const lines of [1, 2, 5, 20]) counts.push((await saleOf(s, lines)).length);
  const keyed = await saleOf(s, 2, 'sale-statements-1');
  // The membership check, the key's claim; BEGIN, the lock (the products' names with it), the
  // cashier's name, the store's tax rules for these products (one read, checkout.repo
  // rulesFor), the ledger's write (stock and movements in one statement), the sale (answered
  // by its own INSERT), the stored answer, one outbox INSERT, COMMIT. BEGIN, the name and the
  // lock share a round trip, as do the rules and the ledger, and the answer, outbox and COMMIT.
  expect(counts).toEqual([9, 9, 9, 9]);
  expect(keyed).toHaveLength(11);
});

test('a late sale of counted products, with their count corrections, takes the same statements for 1 and for 5 lines, and leaves each last sale as it was', async () => {
  const s = await storeWithMember(t, 'employee');
  const soldAt = new Date(Date.now() - 3 * 3_600_000);
  const late = async (lines: number) => {
    const products = await Promise.all(
      Array.from({ length: lines }, async () => {
        const p = await createProduct(s, { initialQuantity: 20 });
        await backdateProduct(t, p.id, new Date(soldAt.getTime() - 3_600_000));
        await postCount(s, p.id, { countedQuantity: 18 }).expect(201);
        await postSale(s, { items: [{ productId: p.id, quantity: 1 }] }).expect(201);
        return p;
      }),
    );
    const items = products.map((p) => ({ productId: p.id, quantity: 2 }));
    const statements = await statementsOf(() =>
      postSale(s, { items, soldAt: soldAt.toISOString() }).expect(201),
    );
    return { products, statements };
  };
  await late(1);
  const one = await late(1);
  const five = await late(5);
  expect(five.statements).toEqual(one.statements);
  for (const p of five.products) {
    // Counted 18, sold 1 since; the late sale's units were already off the shelf at the count.
    expect(await quantityOf(t, p.id)).toBe(17);
    const { rows } = await t.db.pool.query(
      `SELECT p.last_sold_at > $2 AS kept, (SELECT array_agg(reason || ' ' || delta
         ORDER BY created_at, coalesce(recorded_at, created_at))
         FROM stock_movements WHERE product_id = p.id) AS ledger
       FROM products p WHERE p.id = $1`,
      [p.id, soldAt],
    );
    expect(rows[0]).toEqual({
      kept: true,
      ledger: ['initial 20', 'sale -2', 'count -2', 'count 2', 'sale -1'],
    });
  }
});
