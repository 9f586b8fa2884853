import { useTestApp } from '../../test/app';
import { createProduct, createSupplier, storeWithMember } from '../../test/factories';
import { csvOf, uploadInvoice } from '../../test/invoices';
import { benchInvoiceLines } from '../../bench/bench-invoice';
import { createReads, invoiceLookups } from '../../reads';
import { matchInvoiceLines } from './invoice-matching';

/** Matching invoice lines to the catalogue: barcode, SKU, similar names; suggestions and conflicts. */
const t = useTestApp();
const lookups = invoiceLookups(createReads());

type Line = {
  description: string;
  match: {
    productId: string | null;
    method: string;
    confidence: number;
    product: { name: string } | null;
  };
  suggestions: Array<{ name: string; confidence: number }>;
  conflicts: Array<{ kind: string; expected: number; actual: number; message: string }>;
};

async function catalogue() {
  const s = await storeWithMember(t, 'manager');
  const products = {
    cola: await createProduct(s, {
      name: 'Cola Classic 330ml',
      price: 1,
      cost: 0.4,
      barcode: '0036000291452',
    }),
    milk: await createProduct(s, {
      name: 'Organic Whole Milk 1L',
      price: 2,
      cost: 1,
      sku: 'MLK-1',
    }),
    skim: await createProduct(s, { name: 'Organic Skim Milk 1L', price: 2, cost: 1, sku: 'MLK-2' }),
    bread: await createProduct(s, { name: 'Brown Bread 500g', price: 3, cost: 2.1 }),
    soap: await createProduct(s, {
      name: 'Lavender Hand Soap',
      price: 4,
      cost: 1.5,
      sku: 'SOAP-9',
    }),
  };
  return { s, products };
}

const HEAD = ['Description', 'UPC', 'SKU', 'Qty', 'Unit Cost'];

test('when lines carry a barcode (UPC-A for our EAN-13), a SKU in another case, or a similar name, then each is matched with its method and confidence', async () => {
  const { s, products } = await catalogue();
  const res = await uploadInvoice(
    s,
    csvOf([
      HEAD,
      ['COLA 330', '036000291452', '', 24, 0.4],
      ['Whole milk', '', 'mlk-1', 12, 1],
      ['Brown Bread 500 g', '', '', 4, 2.1],
      ['Organic Milk 1L', '', '', 6, 1],
      ['Garden gnome', '', '', 1, 9],
    ]),
    'm.csv',
  ).expect(201);
  const r = res.body.data.matchingResults;
  expect([r.matched, r.unmatched, r.conflicts]).toEqual([3, 2, 0]);
  const [cola, milk, bread, ambiguous, gnome] = r.lines as Line[];
  expect(cola!.match).toEqual({
    productId: products.cola.id,
    product: {
      id: products.cola.id,
      name: 'Cola Classic 330ml',
      sku: products.cola.sku,
      barcode: '0036000291452',
    },
    method: 'barcode',
    confidence: 1,
  });
  expect(milk!.match).toEqual(
    expect.objectContaining({ productId: products.milk.id, method: 'sku', confidence: 0.95 }),
  );
  expect(bread!.match).toEqual(
    expect.objectContaining({ productId: products.bread.id, method: 'name' }),
  );
  expect(bread!.match.confidence).toBeGreaterThanOrEqual(0.6);
  expect(bread!.match.confidence).toBeLessThan(1);
  // Two milks are about as close: no match is taken, both are offered, best first.
  expect(ambiguous!.match).toEqual({ productId: null, product: null, method: null, confidence: 0 });
  expect(ambiguous!.suggestions.map((x) => x.name).sort()).toEqual([
    'Organic Skim Milk 1L',
    'Organic Whole Milk 1L',
  ]);
  const confidences = ambiguous!.suggestions.map((x) => x.confidence);
  expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
  expect(gnome!.match.productId).toBeNull();
  expect(gnome!.suggestions).toEqual([]);
  // Stored as matched: the invoice reads back the same.
  const again = await s.api
    .get(`${s.url}/invoices/${res.body.data.invoiceId}`)
    .set(s.auth)
    .expect(200);
  expect(again.body.data.matchingResults).toEqual(r);
});

test("when a line's unit cost is off the supplier's last cost (else the product's cost) by more than 2%, then it is a price conflict", async () => {
  const { s, products } = await catalogue();
  const supplier = await createSupplier(s);
  await t.db.pool.query(
    `INSERT INTO supplier_items (store_id, supplier_id, product_id, last_cost, supplier_sku)
     VALUES ($1, $2, $3, 1.20, 'ACME-77')`,
    [s.storeId, supplier.id, products.milk.id],
  );
  const res = await uploadInvoice(
    s,
    csvOf([
      HEAD,
      ['Milk', '', 'MLK-1', 12, 1.25],
      ['Soap', '', 'SOAP-9', 3, 1.52],
      ['Bread', '', '', 4, 1.8],
      ['Skim', '', 'acme-77', 1, 1.2],
    ]),
    'p.csv',
    { supplierId: supplier.id },
  ).expect(201);
  const [milk, soap, bread, bySupplierCode] = res.body.data.matchingResults.lines as Line[];
  expect(milk!.conflicts).toEqual([
    {
      kind: 'price',
      expected: 1.2,
      actual: 1.25,
      message: 'Unit cost 1.25 is above the last cost 1.20 (4%)',
    },
  ]);
  expect(soap!.conflicts).toEqual([]); // 1.3% off: within tolerance
  expect(bread!.match.product).toBeNull(); // "Bread" alone is not close enough to match...
  expect(bread!.suggestions[0]!.name).toBe('Brown Bread 500g'); // ...but it is suggested
  // The supplier's own item code finds its product.
  expect(bySupplierCode!.match).toEqual(
    expect.objectContaining({ productId: products.milk.id, method: 'sku', confidence: 0.9 }),
  );
  expect(res.body.data.matchingResults.conflicts).toBe(1);
});

test('when the matcher is called directly for many lines, then it answers each line in order with at most 3 suggestions', async () => {
  const { s, products } = await catalogue();
  const lines = Array.from({ length: 60 }, (_, i) => ({
    position: i,
    description: ['Organic Milk', 'Brown Bread 500g', 'Cola 330ml', 'Hand Soap Lavender'][i % 4]!,
    upc: i % 5 === 0 ? '0036000291452' : null,
    sku: null,
    quantity: 1,
    unitCost: 1,
  }));
  const { lines: matched, order } = await matchInvoiceLines(lookups, t.db.pool, s.storeId, lines);
  expect(order).toBeNull();
  expect(matched.map((m) => m.position)).toEqual(lines.map((l) => l.position));
  expect(matched[0]!.match.productId).toBe(products.cola.id);
  expect(matched[1]!.match.productId).toBe(products.bread.id);
  for (const m of matched) expect(m.suggestions.length).toBeLessThanOrEqual(3);
  // Another store's catalogue is never matched.
  const other = await storeWithMember(t);
  const none = await matchInvoiceLines(lookups, t.db.pool, other.storeId, lines);
  expect(none.lines.every((m) => m.match.productId === null && m.suggestions.length === 0)).toBe(
    true,
  );
});

test("when the benchmark's invoice is built from a store's products, then its coded lines match exactly and its described ones by name", async () => {
  const { s, products } = await catalogue();
  const lines = await benchInvoiceLines(t.db.pool, s.storeId, 5);
  expect(lines).toHaveLength(5);
  const { lines: matched } = await matchInvoiceLines(lookups, t.db.pool, s.storeId, lines);
  const ids = new Set(Object.values(products).map((p: { id: string }) => p.id));
  lines.forEach((l, i) => {
    const m = matched[i]!.match;
    if (l.upc) expect(m.method).toBe('barcode');
    else if (l.sku) expect(m.method).toBe('sku');
    if (m.productId) expect(ids.has(m.productId)).toBe(true);
  });
  expect(matched.filter((m) => m.match.productId).length).toBeGreaterThanOrEqual(3);
});
