import { useQuery } from '@tanstack/react-query';
import { apiClient, nextCursorOf } from '@/lib/api-client';
import type { Schemas } from '@/lib/api/types';
import { storeDataKeys } from '@/lib/query-keys';
import { serverNow } from '@/lib/server-clock';
import {
  MAX_PRODUCTS,
  mergeProducts,
  readCatalogue,
  toCatalogueProduct,
  writeCatalogue,
  type TillCatalogue,
} from '@/lib/offline-catalogue';

/** Read whole again this often (a deleted product leaves then, if no event said so). */
export const FULL_EVERY_MS = 6 * 60 * 60 * 1000;
/** How often an open till catches up when no event has asked it to. */
export const REFRESH_EVERY_MS = 5 * 60 * 1000;
/** A catch-up asks from a little before the last began: a change in flight is not missed. */
const OVERLAP_MS = 30_000;
const PAGE = 100;

type Product = Schemas['Product'];

async function changedProducts(storeId: string, since: string | undefined): Promise<Product[]> {
  const out: Product[] = [];
  let cursor: string | undefined;
  // Newest first, so a store over the budget keeps the products changed last.
  do {
    const page = await apiClient.list('/stores/{storeId}/products', {
      path: { storeId },
      query: {
        sort: 'updatedAt',
        order: 'desc',
        limit: PAGE,
        // A full read needs the active ones; a catch-up also hears of those made inactive.
        ...(since ? { updatedSince: since } : { active: true }),
        ...(cursor ? { cursor } : {}),
      },
    });
    out.push(...page.items);
    cursor = nextCursorOf(page);
  } while (cursor && out.length < MAX_PRODUCTS);
  return out;
}

/**
 * Brings this store's offline catalogue up to date: the whole of it when there is none or it
 * is older than FULL_EVERY_MS, otherwise what changed since the last time; the checkout
 * settings and tax rates every time (a handful of rows).
 */
export async function syncCatalogue(storeId: string): Promise<TillCatalogue> {
  const kept = await readCatalogue(storeId);
  const now = serverNow();
  const startedAt = new Date(now.getTime() - OVERLAP_MS).toISOString();
  const full = !kept || now.getTime() - Date.parse(kept.fullAt) > FULL_EVERY_MS;
  const [settings, rates, changed] = await Promise.all([
    apiClient.get('/stores/{storeId}/checkout-settings', { path: { storeId } }),
    apiClient.get('/stores/{storeId}/tax-rates', { path: { storeId } }),
    changedProducts(storeId, full ? undefined : kept.syncedAt),
  ]);
  const merged = mergeProducts(
    full ? [] : kept.products,
    changed.map((p) => ({ ...toCatalogueProduct(p), active: p.active })),
  );
  const catalogue: TillCatalogue = {
    storeId,
    fullAt: full ? startedAt : kept.fullAt,
    syncedAt: startedAt,
    pricesIncludeTax: settings.pricesIncludeTax,
    defaultTaxRateId: settings.defaultTaxRateId,
    rates: rates.map(({ id, name, rateBps, categoryIds, productIds }) => ({
      id,
      name,
      rateBps,
      categoryIds,
      productIds,
    })),
    ...merged,
    capped: merged.capped || (full && changed.length >= MAX_PRODUCTS),
  };
  await writeCatalogue(catalogue);
  return catalogue;
}

/**
 * Keeps the open till's catalogue fresh: read when the till opens online, again when a live
 * event marks the store's products stale (its key is under them), and every REFRESH_EVERY_MS.
 * Offline it stays as it is (the query waits for the connection).
 */
export function useTillCatalogueSync(storeId: string) {
  return useQuery({
    queryKey: [...storeDataKeys.products(storeId), 'till-catalogue'],
    queryFn: async () => {
      const c = await syncCatalogue(storeId);
      return { products: c.products.length, capped: c.capped, syncedAt: c.syncedAt };
    },
    refetchInterval: REFRESH_EVERY_MS,
    staleTime: 30_000,
    retry: 1,
  });
}
