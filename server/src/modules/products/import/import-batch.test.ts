import type { Pool } from 'pg';
import type { Emit } from '../../../core/events';
import { withTransaction } from '../../../db/pool';
import { useTestApp } from '../../../test/app';
import {
  createProduct,
  createSupplier,
  nextEan13,
  storeWithMember,
  type StoreMember,
} from '../../../test/factories';
import { uploadProducts } from '../../../test/requests';
import { createRowApplier, newState, type ImportOptions } from './import-apply';
import { createBatchApplier } from './import-batch';
import { parseImport, type ParsedRow } from './import-parse';

const t = useTestApp();

/** A store with the same products and suppliers as every other one this makes. */
async function storeLikeTheOthers() {
  const s = await storeWithMember(t, 'manager');
  await createSupplier(s, { name: 'Acme' });
  for (let i = 0; i < 2; i++) await createSupplier(s, { name: 'Twin Foods' });
  await createProduct(s, { sku: 'OLD-1', name: 'Old one', price: 1, initialQuantity: 5 });
  await createProduct(s, { sku: 'OLD-2', name: 'Old two', price: 2, barcode: SHARED_BARCODE });
  return s;
}

const SHARED_BARCODE = nextEan13();
const NEW_BARCODE = nextEan13();

/** Every kind of row an import meets, in one file: new, existing, shared codes, refused. */
const FILE = [
  'sku,name,price,cost,category,supplier,quantity,barcode,reorder point',
  'N-1,New one,1.00,0.5,Fresh,Acme,4,,3',
  'OLD-1,Old one renamed,1.50,,fresh,,9,,',
  "N-2,'=Quoted name,2.00,,Dry,,0,,",
  'abc,Lower case,1.00,,Dry,,2,,',
  'ABC,Upper case,1.00,,Dry,,3,,',
  `N-3,Takes an old barcode,1.00,,,,1,${SHARED_BARCODE},`,
  `N-4,Shares a barcode,1.00,,,,1,${NEW_BARCODE},`,
  `N-5,Shares it too,1.00,,,,1,${NEW_BARCODE},`,
  'N-6,No such supplier,1.00,,Gone,Nobody,1,,',
  'N-7,Twin supplier,1.00,,,twin foods,1,,',
  'N-8,,1.00,,,,1,,',
  ',No SKU given,3.00,,Fresh,,6,,',
  'N-9,Bad quantity,1.00,,,,-1,,',
  'N-1,Repeated in the file,1.00,,,,1,,',
  'old-2,Old two by case,2.00,,Dry,,,,',
  'N-10,Last new one,4.00,1,Fresh,Acme,10,,1',
].join('\n');

async function parsed(file: string) {
  const rows: ParsedRow[] = [];
  for await (const batch of parseImport(Buffer.from(file), 'csv')) rows.push(...batch.rows);
  return rows;
}

type Applier = (
  deps: Parameters<typeof createRowApplier>[0],
  ctx: { storeId: string; userId: string },
  options: ImportOptions,
) => (
  tx: Parameters<ReturnType<typeof createBatchApplier>>[0],
  emit: Emit,
  state: ReturnType<typeof newState>,
  rows: ParsedRow[],
) => Promise<void>;

const rowByRow: Applier = (deps, ctx, options) => {
  const applyRow = createRowApplier(deps, ctx, options);
  return async (tx, emit, state, rows) => {
    for (const r of rows) await applyRow(tx, emit, state, r);
  };
};

/** Imports the rows with `applier` in batches of `size` and reads back what it did. */
async function importWith(
  applier: Applier,
  s: StoreMember,
  rows: ParsedRow[],
  options: ImportOptions,
  size: number,
) {
  const { categories, suppliers, inventory } = t.services;
  const apply = applier(
    { categories, suppliers, inventory },
    { storeId: s.storeId, userId: s.user.id },
    options,
  );
  const state = newState();
  const events: Array<[string, Record<string, unknown>]> = [];
  const emit: Emit = async (type, payload) => {
    events.push([type, payload as Record<string, unknown>]);
  };
  for (let i = 0; i < rows.length; i += size)
    await withTransaction(t.db.pool, (tx) => apply(tx, emit, state, rows.slice(i, i + size)));
  return { state, ...(await readBack(t.db.pool, s.storeId, events)) };
}

/** The store's products, movements and the events told, with ids replaced by names. */
async function readBack(
  pool: Pool,
  storeId: string,
  events: Array<[string, Record<string, unknown>]>,
) {
  const { rows: products } = await pool.query(
    `SELECT p.id, p.sku LIKE 'IMP-%' AS generated, CASE WHEN p.sku LIKE 'IMP-%' THEN NULL ELSE p.sku END AS sku,
       p.name, p.price::text, p.cost::text, p.barcode, p.quantity, p.reorder_point,
       c.name AS category, s.name AS supplier
     FROM products p LEFT JOIN categories c ON c.id = p.category_id LEFT JOIN suppliers s ON s.id = p.supplier_id
     WHERE p.store_id = $1 ORDER BY p.name`,
    [storeId],
  );
  const nameOf = new Map(products.map((p) => [p.id as string, p.name as string]));
  const { rows: movements } = await pool.query(
    `SELECT p.name, m.delta, m.quantity_after, m.reason, m.note FROM stock_movements m
     JOIN products p ON p.id = m.product_id WHERE m.store_id = $1
     ORDER BY p.name, m.created_at, m.quantity_after`,
    [storeId],
  );
  const { rows: categories } = await pool.query(
    'SELECT name FROM categories WHERE store_id = $1 ORDER BY name',
    [storeId],
  );
  return {
    products: products.map(({ id: _id, ...p }) => p),
    movements,
    categories: categories.map((c) => c.name),
    events: events.map(([type, { productId, movementId: _m, ...rest }]) => [
      type,
      nameOf.get(productId as string),
      rest,
    ]),
  };
}

const OPTIONS: Array<[string, ImportOptions]> = [
  [
    'by default',
    { validateOnly: false, skipDuplicates: false, updateExisting: false, updateStock: false },
  ],
  [
    'skipping duplicates',
    { validateOnly: false, skipDuplicates: true, updateExisting: false, updateStock: false },
  ],
  [
    'updating existing products and their stock',
    { validateOnly: false, skipDuplicates: false, updateExisting: true, updateStock: true },
  ],
  [
    'for a role that may not set costs',
    {
      validateOnly: false,
      skipDuplicates: false,
      updateExisting: false,
      updateStock: false,
      costs: false,
    },
  ],
];

test.each(OPTIONS)(
  'when a file mixing every kind of row is imported set-wise %s, then the report, products, movements, categories and events are those of applying it row by row',
  async (_label, options) => {
    const rows = await parsed(FILE);
    const byRow = await importWith(rowByRow, await storeLikeTheOthers(), rows, options, 500);
    // Batches of 4 and of the whole file: rows sharing a code in one batch and across two.
    for (const size of [4, 500]) {
      const batched = await importWith(
        createBatchApplier,
        await storeLikeTheOthers(),
        rows,
        options,
        size,
      );
      expect(batched).toEqual(byRow);
    }
    expect(byRow.state.summary.created).toBeGreaterThan(3);
    expect(byRow.state.errors.length).toBeGreaterThan(3);
  },
);

test('when a row that goes alone creates a category and is then refused, then a later new row naming it creates it again (no dangling id)', async () => {
  const s = await storeWithMember(t, 'manager');
  await createProduct(s, { sku: 'E-1', name: 'Existing', price: 1 });
  // Row 2 goes one at a time (an existing SKU): its category is made, then its supplier is
  // refused and the row rolled back; row 3 is new and written with the set.
  const csv =
    'sku,name,price,category,supplier\nE-1,Existing,1,Brand New,Nobody\nN-1,New,1,brand new,\n';
  const res = await uploadProducts(s, Buffer.from(csv), 'p.csv', {
    fields: { updateExisting: 'true' },
  }).expect(200);
  expect(res.body.data.summary).toEqual(expect.objectContaining({ created: 1, failed: 1 }));
  expect(res.body.data.errors).toEqual([expect.objectContaining({ row: 2, field: 'supplier' })]);
  const p = (await t.api.get(`${s.url}/products?search=N-1`).set(s.auth).expect(200)).body.data[0];
  expect(p.category).toEqual(expect.objectContaining({ name: 'brand new' }));
});

test('when an import creates products set-wise, then each one’s opening stock movement is told before its creation, in file order, in the outbox', async () => {
  const s = await storeWithMember(t);
  const csv = 'sku,name,price,quantity\nO-1,First,1,3\nO-2,Second,1,0\nO-3,Third,1,7\n';
  await uploadProducts(s, Buffer.from(csv), 'p.csv').expect(200);
  const { rows } = await t.db.pool.query(
    `SELECT e.type, p.sku FROM outbox_events e JOIN products p ON p.id = (e.payload->>'productId')::uuid
     WHERE e.store_id = $1 ORDER BY e.id`,
    [s.storeId],
  );
  expect(rows.map((r) => `${r.type} ${r.sku}`)).toEqual([
    'inventory.stock_updated O-1',
    'product.created O-1',
    'product.created O-2',
    'inventory.stock_updated O-3',
    'product.created O-3',
  ]);
});
