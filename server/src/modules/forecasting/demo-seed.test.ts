import { createDemoAccount } from '../../seed/demo';
import { useTestApp } from '../../test/app';
import { uniqueEmail } from '../../test/factories';

/** The demo store opens with its forecasts, predictions and anomalies computed. */
const t = useTestApp();

test('when a demo account is created, then every active product has a stored forecast and prediction, most of them forecasts', async () => {
  const { storeId } = await createDemoAccount(t.db.pool, t.services, {
    email: uniqueEmail('demo'),
    password: 'Nimbus-demo-2026',
    name: 'Demo Owner',
    storeName: 'Demo Grocery',
    products: 60,
    days: 90,
    seed: 11,
  });
  const { rows } = await t.db.pool.query(
    `SELECT (SELECT count(*)::int FROM products WHERE store_id = $1 AND active) AS active,
       (SELECT count(*)::int FROM product_forecasts WHERE store_id = $1) AS forecasts,
       (SELECT count(*)::int FROM product_forecasts WHERE store_id = $1 AND status = 'ok') AS ok,
       (SELECT count(*)::int FROM product_predictions WHERE store_id = $1) AS predictions`,
    [storeId],
  );
  const r = rows[0];
  expect(r.forecasts).toBe(r.active);
  expect(r.predictions).toBe(r.active);
  expect(r.ok).toBeGreaterThan(r.active / 2);
});
