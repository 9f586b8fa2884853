import { createDemoAccount } from '../../seed/demo';
import { useTestApp } from '../../test/app';
import { uniqueEmail } from '../../test/factories';

/** The demo store opens with a reorder list made from its generated history. */
const t = useTestApp();

test('when a demo account is created, then its store has a reorder list of real items', async () => {
  const { storeId } = await createDemoAccount(t.db.pool, t.services, {
    email: uniqueEmail('demo'),
    password: 'Nimbus-demo-2026',
    name: 'Demo Owner',
    storeName: 'Demo Grocery',
    products: 60,
    days: 45,
    seed: 11,
  });
  const { rows } = await t.db.pool.query(
    `SELECT l.name, l.status, count(i.*)::int AS items,
       count(*) FILTER (WHERE i.reason ~ 'sells [0-9.]+/day')::int AS with_demand
     FROM shopping_lists l LEFT JOIN shopping_list_items i ON i.shopping_list_id = l.id
     WHERE l.store_id = $1 GROUP BY l.id`,
    [storeId],
  );
  expect(rows).toHaveLength(1);
  expect(rows[0]).toEqual(expect.objectContaining({ name: 'Weekly reorder', status: 'draft' }));
  expect(rows[0].items).toBeGreaterThan(0);
  expect(rows[0].with_demand).toBeGreaterThan(0);
});
