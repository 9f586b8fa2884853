/** The SPA's page of each kind of thing a notification is about, under its store. */
const PAGES: Record<string, (id: string) => string> = {
  product: (id) => `products/${id}`,
  purchase_order: (id) => `purchase-orders/${id}`,
  invoice: (id) => `invoices/${id}`,
  job: (id) => `jobs/${id}`,
  // An endpoint is on the store's settings page.
  webhook: () => 'settings',
};

/**
 * The SPA path of what a notification is about (`/stores/<id>/products/<id>`); a kind with no
 * page of its own leads to the store's alerts. One table for the e-mail and the push.
 */
export function subjectPath(storeId: string, type: string, id: string): string {
  return `/stores/${storeId}/${PAGES[type]?.(id) ?? 'alerts'}`;
}
