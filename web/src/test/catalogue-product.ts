import type { CatalogueProduct } from '@/lib/offline-catalogue';

/** A product of the till's offline catalogue, numbered `n`, for the unit tests. */
export const catalogueProduct = (
  n: number,
  over: Partial<CatalogueProduct> = {},
): CatalogueProduct => ({
  id: `p-${n}`,
  name: `Product ${n}`,
  sku: `SKU-${n}`,
  barcode: null,
  brand: null,
  unit: null,
  price: 1,
  quantity: 5,
  lowStock: false,
  image: null,
  categoryId: null,
  updatedAt: `2026-12-01T00:00:${String(n % 60).padStart(2, '0')}.000Z`,
  ...over,
});
