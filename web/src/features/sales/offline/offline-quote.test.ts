import { describe, expect, it } from 'vitest';
import type { CatalogueProduct, TillCatalogue } from '@/lib/offline-catalogue';
import { quoteOffline } from './offline-quote';
import { catalogueProduct } from '@/test/catalogue-product';

// The pay step's figures offline: the quote worked out from the device's catalogue.

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

describe('the offline quote', () => {
  it('prices a sale offline as the quote would: rates by product and category, a sale discount, change', () => {
    const c = catalogue([
      product(1, { price: 1.25 }),
      product(2, { price: 2.99, categoryId: 'cat-food' }),
      product(3, { price: 4 }),
    ]);
    const quote = quoteOffline(c, {
      items: [
        { productId: 'p-1', quantity: 2 },
        { productId: 'p-2', quantity: 1 },
        { productId: 'p-3', quantity: 1 },
      ],
      payments: [{ method: 'cash', amount: 20 }],
    });
    // 2.50 + 20% = 3.00; 2.99 + 5% (0.1495 → 0.15) = 3.14; 4.00 at zero: 10.14.
    expect(quote).toMatchObject({
      subtotal: 9.49,
      taxTotal: 0.65,
      total: 10.14,
      paid: 20,
      change: 9.86,
    });
    expect(quote?.taxes.map((t) => [t.name, t.tax])).toEqual([
      ['Zero', 0],
      ['Food', 0.15],
      ['Standard', 0.5],
    ]);
    // A product the device does not keep: no offline figure (the pay step says so).
    expect(quoteOffline(c, { items: [{ productId: 'p-404', quantity: 1 }] })).toBeUndefined();
  });
});
