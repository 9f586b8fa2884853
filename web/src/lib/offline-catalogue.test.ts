import { describe, expect, it } from 'vitest';
import { catalogueProduct } from '@/test/catalogue-product';
import {
  forgetProduct,
  MAX_PRODUCTS,
  mergeProducts,
  readCatalogue,
  searchCatalogue,
  taxRuleOf,
  writeCatalogue,
  type CatalogueProduct,
  type TillCatalogue,
} from './offline-catalogue';

// The till's offline catalogue (IndexedDB: fake-indexeddb in memory, to the spec).

const product = catalogueProduct;

function catalogue(products: CatalogueProduct[], over: Partial<TillCatalogue> = {}): TillCatalogue {
  return {
    storeId: 'store-1',
    fullAt: '2026-12-01T00:00:00.000Z',
    syncedAt: '2026-12-01T00:00:00.000Z',
    pricesIncludeTax: false,
    defaultTaxRateId: 'std',
    rates: [
      { id: 'std', name: 'Standard', rateBps: 2000, categoryIds: [], productIds: [] },
      { id: 'food', name: 'Food', rateBps: 500, categoryIds: ['cat-food'], productIds: [] },
      { id: 'zero', name: 'Zero', rateBps: 0, categoryIds: [], productIds: ['p-3'] },
    ],
    products,
    capped: false,
    ...over,
  };
}

describe('the till’s offline catalogue', () => {
  it('is kept per store in IndexedDB and read back whole', async () => {
    const kept = catalogue([product(1), product(2)]);
    await writeCatalogue(kept);
    await writeCatalogue({ ...catalogue([product(9)]), storeId: 'store-2' });
    await expect(readCatalogue('store-1')).resolves.toEqual(kept);
    expect((await readCatalogue('store-2'))?.products.map((p) => p.id)).toEqual(['p-9']);
    await expect(readCatalogue('store-3')).resolves.toBeUndefined();
  });

  it('forgets a deleted product at once (its live event), in that store only', async () => {
    await writeCatalogue(catalogue([product(1), product(2)]));
    await writeCatalogue({ ...catalogue([product(1)]), storeId: 'store-2' });
    await forgetProduct('store-1', 'p-1');
    await forgetProduct('store-3', 'p-1');
    expect((await readCatalogue('store-1'))?.products.map((p) => p.id)).toEqual(['p-2']);
    expect((await readCatalogue('store-2'))?.products.map((p) => p.id)).toEqual(['p-1']);
    await expect(readCatalogue('store-3')).resolves.toBeUndefined();
  });

  it('lays changes over what it keeps: edited ones replaced, inactive and deleted ones gone, newest first', () => {
    const kept = [product(1), product(2), product(3)];
    const { products, capped } = mergeProducts(
      kept,
      [
        { ...product(2, { price: 9, updatedAt: '2026-12-02T00:00:00.000Z' }), active: true },
        { ...product(3), active: false },
        { ...product(4, { updatedAt: '2026-12-03T00:00:00.000Z' }), active: true },
      ],
      ['p-1'],
    );
    expect(products.map((p) => [p.id, p.price])).toEqual([
      ['p-4', 1],
      ['p-2', 9],
    ]);
    expect(capped).toBe(false);
  });

  it('keeps at most MAX_PRODUCTS, the ones changed last, and says it is capped', () => {
    const many = Array.from({ length: MAX_PRODUCTS + 5 }, (_, i) =>
      product(i, { updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString() }),
    );
    const { products, capped } = mergeProducts([], many);
    expect(products).toHaveLength(MAX_PRODUCTS);
    expect(capped).toBe(true);
    expect(products[0]!.id).toBe(`p-${MAX_PRODUCTS + 4}`);
    expect(products.some((p) => p.id === 'p-0')).toBe(false);
  });

  it('gives each product the rate the API would: its own, else its category’s, else the default', () => {
    const c = catalogue([]);
    expect(taxRuleOf(c, { id: 'p-3', categoryId: 'cat-food' })?.id).toBe('zero');
    expect(taxRuleOf(c, { id: 'p-1', categoryId: 'cat-food' })?.id).toBe('food');
    expect(taxRuleOf(c, { id: 'p-1', categoryId: null })?.id).toBe('std');
    expect(taxRuleOf({ ...c, defaultTaxRateId: null }, { id: 'p-1', categoryId: null })).toBeNull();
  });

  it('finds a scanned barcode or SKU first, then names by the starts of their words', () => {
    const c = catalogue([
      product(1, { name: 'Dark Chocolate 100 g', sku: 'CHOC-DARK' }),
      product(2, { name: 'Milk Chocolate', sku: 'CHOC-MILK', barcode: '4006381333931' }),
      product(3, { name: 'Chocolate Milk 1 l', sku: 'DRINK-1', brand: 'Alpine' }),
    ]);
    expect(searchCatalogue(c, '4006381333931', 8).map((p) => [p.id, p.match])).toEqual([
      ['p-2', 'barcode'],
    ]);
    expect(searchCatalogue(c, 'choc-dark', 8).map((p) => [p.id, p.match])).toEqual([
      ['p-1', 'sku'],
    ]);
    expect(searchCatalogue(c, 'choc', 8).map((p) => p.name)).toEqual([
      'Chocolate Milk 1 l',
      'Dark Chocolate 100 g',
      'Milk Chocolate',
    ]);
    expect(searchCatalogue(c, 'milk cho', 8).map((p) => p.id)).toEqual(['p-3', 'p-2']);
    expect(searchCatalogue(c, 'alp', 1).map((p) => p.id)).toEqual(['p-3']);
    expect(searchCatalogue(c, '   ', 8)).toEqual([]);
    // What a picker shows: nothing of the catalogue's own bookkeeping.
    expect(Object.keys(searchCatalogue(c, 'dark', 8)[0]!)).not.toContain('updatedAt');
  });
});
