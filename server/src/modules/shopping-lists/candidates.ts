import type { Db } from '../../db/pool';
import type { CandidateFilter, ReorderCandidate } from '../products/products.reads';
import type { ReorderSources } from './reorder-sources';
import type { SupplierOffer } from './suggestion';

/*
 * What a reorder list is generated and optimised from, read through the modules that own it
 * (reorder-sources.ts): the catalogue, the suppliers and what they offer.
 */

/** A product as a list weighs it: the catalogue's stock, reorder settings, pack, cost, expiry. */
export type CandidateProduct = ReorderCandidate;

/**
 * Active products that may need reordering (low, expiring by `expiringBy`, or sold within
 * `soldWithinDays`), in the given categories and from the given suppliers: the product's own,
 * or one that has offered it (its supplier items). By name.
 */
export async function candidates(
  sources: ReorderSources,
  db: Db,
  storeId: string,
  f: CandidateFilter,
): Promise<CandidateProduct[]> {
  const supplied = f.suppliers ? await sources.productsOfSuppliers(db, storeId, f.suppliers) : [];
  return sources.products.reorder.candidates(db, storeId, { ...f, supplied });
}

/** These products of the store (active or not), by name: the reorder plan's, assessed alike. */
export const candidatesByIds = (
  sources: ReorderSources,
  db: Db,
  storeId: string,
  ids: readonly string[],
): Promise<CandidateProduct[]> => sources.products.reorder.candidatesByIds(db, storeId, ids);

/**
 * Every supplier each product can be bought from: the product's own supplier (at the
 * product's cost unless it has offered a price) and every supplier that has offered it (its
 * supplier items, at its last cost). Lead times come from forecasting (supplier-options.ts).
 */
export async function supplierOffers(
  sources: ReorderSources,
  db: Db,
  storeId: string,
  productIds: readonly string[],
): Promise<Map<string, SupplierOffer[]>> {
  const out = new Map<string, SupplierOffer[]>(productIds.map((id) => [id, []]));
  if (!productIds.length) return out;
  const products = await sources.products.orderingFacts(db, storeId, productIds);
  const items = await sources.supplierItems(db, storeId, productIds);
  const offered = new Map(items.map((i) => [`${i.productId}/${i.supplierId}`, i]));
  const pairs = new Map<string, { productId: string; supplierId: string }>();
  for (const [productId, p] of products) {
    if (p.supplierId)
      pairs.set(`${productId}/${p.supplierId}`, { productId, supplierId: p.supplierId });
  }
  for (const i of items) pairs.set(`${i.productId}/${i.supplierId}`, i);
  const suppliers = await sources.suppliers.summariesOf(
    db,
    storeId,
    [...pairs.values()].map((p) => p.supplierId),
  );
  for (const [key, { productId, supplierId }] of pairs) {
    const product = products.get(productId);
    const supplier = suppliers.get(supplierId);
    if (!product || !supplier) continue;
    const item = offered.get(key);
    const own = supplierId === product.supplierId;
    out.get(productId)?.push({
      supplierId,
      name: supplier.name,
      cost: item?.lastCost ?? (own ? product.cost : null),
      minOrderQuantity: item?.minOrderQuantity ?? 1,
      own,
      usable: supplier.status !== 'inactive' && supplier.status !== 'on-hold',
    });
  }
  return out;
}

/** The ids among `ids` that are this store's categories or suppliers. */
export async function existingIds(
  sources: ReorderSources,
  db: Db,
  storeId: string,
  table: 'categories' | 'suppliers',
  ids: readonly string[],
): Promise<Set<string>> {
  if (!ids.length) return new Set();
  if (table === 'categories') return sources.categories.existing(db, storeId, ids);
  return new Set((await sources.suppliers.summariesOf(db, storeId, ids)).keys());
}
