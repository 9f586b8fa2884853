import type { QueryParams } from './api/types';

// Keys more than one feature touches: /auth/me holds the user's store memberships, so
// creating, renaming or leaving a store must invalidate it.
export const meQueryKey = ['auth', 'me'] as const;

// The signed-in user's notifications (across their stores): a store's alert events refresh them.
export const notificationsKey = ['notifications'] as const;

// Store data that one feature writes and another reads: a sale changes product quantities
// and the dashboard, a new category shows up in the product form's select. The queries of
// hooks/ (shared by features) are keyed here too, under the data they read, so the feature that
// writes that data refreshes them with its own invalidation.
export const storeDataKeys = {
  store: (storeId: string) => ['stores', storeId] as const,
  categories: (storeId: string) => ['stores', storeId, 'categories'] as const,
  categoryList: (storeId: string, params: QueryParams<'listCategories'>) =>
    [...storeDataKeys.categories(storeId), 'list', params] as const,
  suppliers: (storeId: string) => ['stores', storeId, 'suppliers'] as const,
  supplierList: (storeId: string, params: QueryParams<'listSuppliers'>) =>
    [...storeDataKeys.suppliers(storeId), 'list', params] as const,
  products: (storeId: string) => ['stores', storeId, 'products'] as const,
  product: (storeId: string, id: string) =>
    [...storeDataKeys.products(storeId), 'detail', id] as const,
  // Under the products key: a sale or a stock change refreshes stock shown in suggestions.
  productSearch: (storeId: string, params: QueryParams<'searchProducts'>) =>
    [...storeDataKeys.products(storeId), 'search', params] as const,
  sales: (storeId: string) => ['stores', storeId, 'sales'] as const,
  purchaseOrders: (storeId: string) => ['stores', storeId, 'purchase-orders'] as const,
  transfers: (storeId: string) => ['stores', storeId, 'transfers'] as const,
  shoppingLists: (storeId: string) => ['stores', storeId, 'shopping-lists'] as const,
  invoices: (storeId: string) => ['stores', storeId, 'invoices'] as const,
  alerts: (storeId: string) => ['stores', storeId, 'alerts'] as const,
  dashboard: (storeId: string) => ['stores', storeId, 'dashboard'] as const,
  forecasting: (storeId: string) => ['stores', storeId, 'forecasting'] as const,
  predictions: (storeId: string, productIds: readonly string[]) =>
    [...storeDataKeys.forecasting(storeId), 'predictions', productIds] as const,
  job: (storeId: string, jobId: string) => ['stores', storeId, 'jobs', jobId] as const,
  // A picture's bytes never change under its id (a replaced picture has a new one).
  productImage: (storeId: string, imageId: string, size: 'thumb' | 'large') =>
    ['stores', storeId, 'product-images', imageId, size] as const,
};
