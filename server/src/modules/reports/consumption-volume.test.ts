import { useTestApp } from '../../test/app';
import { storeWithMember } from '../../test/factories';
import { reportOf } from '../../test/reports';
import { consumptionReport } from './consumption';
import { inventoryReads } from '../inventory/inventory.reads';

const t = useTestApp();

/** 520 products that each sold one unit yesterday at a cost of 1, written straight to the tables (volume). */
async function bigStore() {
  const s = await storeWithMember(t, 'manager');
  const db = t.db.pool;
  await db.query(
    `INSERT INTO products (store_id, sku, name, price, cost, quantity)
     SELECT $1, 'P-' || g, 'Product ' || lpad(g::text, 3, '0'), 2, 1, 10 FROM generate_series(1, 520) g`,
    [s.storeId],
  );
  const sale = await db.query(
    `INSERT INTO sales (store_id, sold_at, total, item_count, number)
     VALUES ($1, now() - interval '1 day', 1040, 520, 1) RETURNING id`,
    [s.storeId],
  );
  await db.query(
    `INSERT INTO sale_items (sale_id, store_id, product_id, quantity, unit_price, line_total, sold_at,
       unit_cost)
     SELECT $2, $1, id, 1, 2, 2, now() - interval '1 day', cost FROM products WHERE store_id = $1`,
    [s.storeId, sale.rows[0].id],
  );
  return s;
}

test('when more than 500 products sold, then the answer has 500 rows and says it is truncated, with totals of all', async () => {
  const s = await bigStore();
  const r = await reportOf(s, 'consumption');
  expect(r.rows).toHaveLength(500);
  expect(r.truncated).toBe(true);
  expect(r.totals).toEqual(expect.objectContaining({ units: 520, cost: 520, revenue: 1040 }));
});

test('when run for a job, then every row is there and progress is reported as the rows are forecast', async () => {
  const s = await bigStore();
  const seen: number[] = [];
  const r = await consumptionReport(
    { pool: t.db.pool, zeroStockDays: inventoryReads.zeroStockDays },
    s.storeId,
    'UTC',
    { groupBy: 'product' },
    {
      all: true,
      progress: async (share) => void seen.push(Math.round(share * 100)),
    },
  );
  expect(r.rows).toHaveLength(520);
  expect(r.truncated).toBe(false);
  expect(seen).toEqual([38, 77]);
});
