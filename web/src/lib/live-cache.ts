import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { StoreEvent } from './live-socket';
import { notificationsKey, storeDataKeys as keys } from './query-keys';

/**
 * The cached data a store event makes stale. Prefixes: `products` covers the list, the product
 * page, search and the till's tiles; only queries on screen are fetched again, the rest are
 * marked stale for their next use.
 */
export function staleKeys(event: StoreEvent): QueryKey[] {
  const s = event.storeId;
  switch (event.type) {
    case 'inventory.stock_updated':
    case 'alert.low_stock':
      return [keys.products(s), keys.dashboard(s), keys.shoppingLists(s), keys.forecasting(s)];
    case 'product.created':
    case 'product.updated':
    case 'product.deleted':
      return [keys.products(s), keys.dashboard(s), keys.shoppingLists(s)];
    case 'category.created':
    case 'category.updated':
    case 'category.deleted':
      return [keys.categories(s), keys.products(s)];
    case 'supplier.created':
    case 'supplier.updated':
    case 'supplier.deleted':
      return [keys.suppliers(s), keys.products(s)];
    case 'sale.recorded':
    case 'sale.voided':
    case 'sale.refunded':
      return [keys.sales(s), keys.products(s), keys.dashboard(s)];
    case 'purchase_order.updated':
      return event.payload.change === 'received'
        ? [keys.purchaseOrders(s), keys.suppliers(s), keys.products(s), keys.dashboard(s)]
        : [keys.purchaseOrders(s), keys.suppliers(s)];
    case 'invoice.updated':
      return event.payload.change === 'reconciled'
        ? [keys.invoices(s), keys.purchaseOrders(s), keys.products(s), keys.dashboard(s)]
        : [keys.invoices(s)];
    case 'shopping_list.updated':
      // The dashboard counts the draft lists.
      return event.payload.change === 'ordered'
        ? [keys.shoppingLists(s), keys.purchaseOrders(s), keys.dashboard(s)]
        : [keys.shoppingLists(s), keys.dashboard(s)];
    case 'transfer.updated':
      // Sent, received or cancelled moved stock (in this store's own stock events too).
      return event.payload.change === 'created'
        ? [keys.transfers(s)]
        : [keys.transfers(s), keys.products(s), keys.dashboard(s)];
    case 'job.finished':
      // The job's page and the bell (its starter is told); an import changed the products.
      return [
        keys.job(s, event.payload.jobId),
        notificationsKey,
        ...(event.payload.type === 'products.import' ? [keys.products(s), keys.dashboard(s)] : []),
      ];
    case 'alert.opened':
    case 'alert.resolved':
      // The Alerts tab's count, the list and the dashboard's Needs attention; the bell.
      return [keys.alerts(s), notificationsKey];
    default:
      return [];
  }
}

const isPrefix = (prefix: QueryKey, key: QueryKey) =>
  prefix.length <= key.length && prefix.every((part, i) => part === key[i]);

/**
 * Gathers what events make stale and invalidates it in one go, `waitMs` after the last event
 * (at most `maxWaitMs` after the first): a delivery of 200 lines is one refetch per screen, not
 * 200. Keys under another pending key are dropped (a resync's whole store covers everything).
 */
export function createInvalidator(
  queryClient: QueryClient,
  { waitMs = 100, maxWaitMs = 1_000 } = {},
) {
  const pending = new Map<string, QueryKey>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstAt = 0;

  function flush(): void {
    clearTimeout(timer);
    timer = undefined;
    const all = [...pending.values()].sort((a, b) => a.length - b.length);
    pending.clear();
    const kept: QueryKey[] = [];
    for (const key of all) if (!kept.some((prefix) => isPrefix(prefix, key))) kept.push(key);
    for (const queryKey of kept) void queryClient.invalidateQueries({ queryKey });
  }

  return {
    add(staleKeys: QueryKey[]): void {
      if (!staleKeys.length) return;
      for (const key of staleKeys) pending.set(JSON.stringify(key), key);
      const now = Date.now();
      if (!timer) firstAt = now;
      clearTimeout(timer);
      timer = setTimeout(flush, Math.max(0, Math.min(waitMs, firstAt + maxWaitMs - now)));
    },
    /** Keys waiting for the next flush. */
    pending: () => pending.size,
    flush,
    dispose(): void {
      clearTimeout(timer);
      timer = undefined;
      pending.clear();
    },
  };
}

export type Invalidator = ReturnType<typeof createInvalidator>;
