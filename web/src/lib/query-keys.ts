// Keys more than one feature touches: /auth/me holds the user's store memberships, so
// creating, renaming or leaving a store must invalidate it.
export const meQueryKey = ['auth', 'me'] as const;

// Store data that one feature writes and another reads: a sale changes product quantities
// and the dashboard, a new category shows up in the product form's select.
export const storeDataKeys = {
  categories: (storeId: string) => ['stores', storeId, 'categories'] as const,
  suppliers: (storeId: string) => ['stores', storeId, 'suppliers'] as const,
  products: (storeId: string) => ['stores', storeId, 'products'] as const,
  sales: (storeId: string) => ['stores', storeId, 'sales'] as const,
  purchaseOrders: (storeId: string) => ['stores', storeId, 'purchase-orders'] as const,
  shoppingLists: (storeId: string) => ['stores', storeId, 'shopping-lists'] as const,
  dashboard: (storeId: string) => ['stores', storeId, 'dashboard'] as const,
};

export function storePath(storeId: string, path: string): string {
  return `/stores/${encodeURIComponent(storeId)}/${path}`;
}
