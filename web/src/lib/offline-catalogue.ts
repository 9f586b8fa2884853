import { createStore, del, get, set } from 'idb-keyval';
import type { ProductPick, Schemas } from '@/lib/api/types';

/**
 * The till's offline catalogue: what selling needs of each active product of a store (name,
 * SKU, barcode, price, category for its tax rate, stock as last seen) and the store's tax
 * rules, kept in IndexedDB, one entry per store. Scanning, type-ahead and the pay step's
 * total use it when the server cannot be reached (features/sales/offline/sync-catalogue.ts
 * keeps it fresh while the till is open).
 *
 * Budget: at most MAX_PRODUCTS products a store (about 300 bytes each: ~3 MB); a store with
 * more keeps the ones changed last (the sync reads newest first) and says so (`capped`).
 */
export const MAX_PRODUCTS = 10_000;

export interface TaxRule {
  id: string;
  name: string;
  rateBps: number;
}

export interface CatalogueProduct extends ProductPick {
  categoryId: string | null;
  updatedAt: string;
}

export interface TillCatalogue {
  storeId: string;
  /** Server time the last full read began: after a while it is read whole again. */
  fullAt: string;
  /** Server time the last catch-up began: the next asks for what changed since. */
  syncedAt: string;
  pricesIncludeTax: boolean;
  defaultTaxRateId: string | null;
  rates: Array<TaxRule & { categoryIds: string[]; productIds: string[] }>;
  products: CatalogueProduct[];
  /** More active products than MAX_PRODUCTS: some are missing. */
  capped: boolean;
}

const db = createStore('nimbus-till-catalogue', 'stores');

export function readCatalogue(storeId: string): Promise<TillCatalogue | undefined> {
  return get<TillCatalogue>(storeId, db);
}

export function writeCatalogue(catalogue: TillCatalogue): Promise<void> {
  return set(catalogue.storeId, catalogue, db);
}

export function forgetCatalogue(storeId: string): Promise<void> {
  return del(storeId, db);
}

/** A product deleted (its live event): the kept copy, if there is one, loses it at once. */
export async function forgetProduct(storeId: string, productId: string): Promise<void> {
  const kept = await readCatalogue(storeId);
  if (!kept?.products.some((p) => p.id === productId)) return;
  await writeCatalogue({ ...kept, products: kept.products.filter((p) => p.id !== productId) });
}

/** A product as the list answers it, as the catalogue keeps it. */
export function toCatalogueProduct(p: Schemas['Product']): CatalogueProduct {
  return {
    id: p.id,
    name: p.name,
    sku: p.sku,
    barcode: p.barcode,
    brand: p.brand,
    unit: p.unit,
    price: p.price,
    quantity: p.quantity,
    lowStock: p.lowStock,
    image: null,
    categoryId: p.category?.id ?? null,
    updatedAt: p.updatedAt,
  };
}

/**
 * Changed products laid over the kept ones (inactive ones and `removed` ids leave), newest
 * first, within the budget.
 */
export function mergeProducts(
  kept: readonly CatalogueProduct[],
  changed: ReadonlyArray<CatalogueProduct & { active?: boolean }>,
  removed: readonly string[] = [],
): { products: CatalogueProduct[]; capped: boolean } {
  const byId = new Map(kept.map((p) => [p.id, p]));
  for (const id of removed) byId.delete(id);
  for (const { active, ...p } of changed) {
    if (active === false) byId.delete(p.id);
    else byId.set(p.id, p);
  }
  const all = [...byId.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return { products: all.slice(0, MAX_PRODUCTS), capped: all.length > MAX_PRODUCTS };
}

/** The rate a product falls under, as the API resolves it: its own, its category's, the default. */
export function taxRuleOf(c: TillCatalogue, p: Pick<CatalogueProduct, 'id' | 'categoryId'>) {
  const rule = (r: TillCatalogue['rates'][number]): TaxRule => ({
    id: r.id,
    name: r.name,
    rateBps: r.rateBps,
  });
  const own = c.rates.find((r) => r.productIds.includes(p.id));
  if (own) return rule(own);
  const ofCategory = p.categoryId && c.rates.find((r) => r.categoryIds.includes(p.categoryId!));
  if (ofCategory) return rule(ofCategory);
  const fallback = c.rates.find((r) => r.id === c.defaultTaxRateId);
  return fallback ? rule(fallback) : null;
}

export type Match = 'barcode' | 'sku' | 'name';

const words = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean);

/**
 * Type-ahead over the kept products, ranked as the API's search ranks: the exact barcode, the
 * exact SKU (any case), then names every typed word of which begins a word of (name, brand,
 * SKU), by name.
 */
export function searchCatalogue(
  c: TillCatalogue,
  text: string,
  limit: number,
): Array<ProductPick & { match: Match }> {
  const q = text.trim();
  if (!q) return [];
  const lower = q.toLowerCase();
  const typed = words(q);
  const exact: Array<ProductPick & { match: Match }> = [];
  const named: Array<ProductPick & { match: Match }> = [];
  for (const p of c.products) {
    if (p.barcode === q) exact.unshift({ ...pickOf(p), match: 'barcode' });
    else if (p.sku.toLowerCase() === lower) exact.push({ ...pickOf(p), match: 'sku' });
    else {
      const own = words(`${p.name} ${p.brand ?? ''} ${p.sku}`);
      if (typed.every((w) => own.some((o) => o.startsWith(w))))
        named.push({ ...pickOf(p), match: 'name' });
    }
  }
  named.sort((a, b) => a.name.localeCompare(b.name));
  return [...exact, ...named].slice(0, limit);
}

/** What a picker shows of a kept product. */
export function pickOf(p: CatalogueProduct): ProductPick {
  const { id, name, sku, barcode, brand, unit, price, quantity, lowStock, image } = p;
  return { id, name, sku, barcode, brand, unit, price, quantity, lowStock, image };
}
