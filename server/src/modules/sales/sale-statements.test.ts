import { Client } from 'pg';
import { useTestApp } from '../../test/app';
import { createProduct, storeWithMember, type StoreMember } from '../../test/factories';
import { postSale } from '../../test/requests';

const t = useTestApp();

/** The statements the app sends to PostgreSQL (its own pool's connections) while `fn` runs. */
async function statementsOf(fn: () => Promise<unknown>): Promise<string[]> {
  const ours = new Set<unknown>();
  const acquired = (client: unknown) => ours.add(client);
  t.db.pool.on('acquire', acquired);
  const spy = jest.spyOn(Client.prototype, 'query');
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
  process.stdout.write(
    `statements per sale of 1, 2, 5, 20 lines: ${counts.join(', ')}; 2 lines with an Idempotency-Key: ${keyed.length}\n${keyed.join('\n')}\n`,
  );
  expect(new Set(counts).size).toBe(1);
});
